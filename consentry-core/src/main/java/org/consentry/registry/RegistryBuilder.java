package org.consentry.registry;

import java.time.Instant;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MappeableContainerPointer;

/**
 * Builds the next copy of a registry: numbers are set in a flat bitset per area code (1.25 MB each, made
 * when the area code is first seen), the fastest way to take hundreds of millions of numbers in any order;
 * {@link #build} then keeps an area code flat when it lists at least {@value #DENSE} numbers (a RoaringBitmap
 * of it would be nearly as large, and is several times slower to read) and compresses the others into a
 * RoaringBitmap. A change list starts from the copy in force ({@link #startFrom}). Not thread-safe: one import
 * feeds one builder.
 */
public final class RegistryBuilder {

    /** Words of a flat bitset of one area code. */
    public static final int WORDS = (NanpRegistry.LOCAL_NUMBERS + 63) / 64;
    /**
     * From this many numbers an area code is kept flat: one in sixteen is where RoaringBitmap stores 65,536-number
     * blocks as bitmaps itself, so it would save little room.
     */
    public static final int DENSE = NanpRegistry.LOCAL_NUMBERS / 16;
    /** Words of one block of a compressed bitmap (65,536 numbers sharing their upper 16 bits). */
    private static final int BLOCK_WORDS = 1 << 10;

    private final long[][] words = new long[1000][];
    private long added;
    private long removed;

    /** Starts from every number of {@code current}, for a change list. */
    public RegistryBuilder startFrom(NanpRegistry current) {
        for (int areaCode = 0; areaCode < 1000; areaCode++) {
            java.nio.LongBuffer dense = current.dense(areaCode);
            if (dense != null) {
                dense.get(0, wordsOf(areaCode), 0, WORDS);
            }
            ImmutableRoaringBitmap numbers = current.sparse(areaCode);
            if (numbers != null) {
                long[] bits = wordsOf(areaCode);
                numbers.forEach((int local) -> bits[local >>> 6] |= 1L << local);
            }
        }
        return this;
    }

    /** Lists a number; {@code areaCode} 200-999, {@code local} its seven digits. @return whether it was new */
    public boolean add(int areaCode, int local) {
        long[] bits = wordsOf(areaCode);
        long mask = 1L << local;
        int word = local >>> 6;
        if ((bits[word] & mask) != 0) {
            return false;
        }
        bits[word] |= mask;
        added++;
        return true;
    }

    /** Removes a number. @return whether it was listed */
    public boolean remove(int areaCode, int local) {
        long[] bits = words[areaCode];
        if (bits == null) {
            return false;
        }
        long mask = 1L << local;
        int word = local >>> 6;
        if ((bits[word] & mask) == 0) {
            return false;
        }
        bits[word] &= ~mask;
        removed++;
        return true;
    }

    /** Numbers newly listed by {@link #add}. */
    public long added() {
        return added;
    }

    /** Numbers taken off by {@link #remove}. */
    public long removed() {
        return removed;
    }

    /** How a full list differs from the copy it replaces: numbers that were not in it, and numbers of it no longer listed. */
    public record Difference(long added, long removed) {
    }

    /**
     * How the numbers set so far differ from {@code current} (call before {@link #build}, which releases the
     * bitsets), word by word: a flat area code of {@code current} is copied out in one piece, a compressed one a
     * block of 65,536 numbers at a time, and each word is compared with {@link Long#bitCount}, so that comparing
     * two copies of 250 million numbers is a pass over their words, not a look-up per number.
     */
    public Difference differenceFrom(NanpRegistry current) {
        long added = 0;
        long removed = 0;
        long[] before = new long[WORDS];
        long[] block = new long[BLOCK_WORDS];
        for (int areaCode = 0; areaCode < 1000; areaCode++) {
            long[] bits = words[areaCode];
            long now = count(bits);
            java.nio.LongBuffer dense = current.dense(areaCode);
            ImmutableRoaringBitmap numbers = current.sparse(areaCode);
            long was = 0;
            long both = 0;
            if (dense != null) {
                dense.get(0, before, 0, WORDS); // one bulk copy: a mapped buffer read a word at a time is several times slower
                was = count(before);
                both = bits == null ? 0 : common(before, 0, bits, 0, WORDS);
            } else if (numbers != null) {
                was = numbers.getLongCardinality();
                for (MappeableContainerPointer container = numbers.getContainerPointer(); bits != null && container.getContainer() != null;
                     container.advance()) {
                    java.util.Arrays.fill(block, 0);
                    container.getContainer().orInto(block);
                    int from = container.key() * BLOCK_WORDS;
                    both += common(block, 0, bits, from, Math.min(BLOCK_WORDS, WORDS - from));
                }
            }
            added += now - both;
            removed += was - both;
        }
        return new Difference(added, removed);
    }

    /** How many numbers two stretches of bitsets share (a small loop of its own, so that the JIT compiles it soon). */
    private static long common(long[] one, int oneFrom, long[] other, int otherFrom, int length) {
        long count = 0;
        for (int i = 0; i < length; i++) {
            count += Long.bitCount(one[oneFrom + i] & other[otherFrom + i]);
        }
        return count;
    }

    private static long count(long[] bits) {
        long count = 0;
        if (bits != null) {
            for (long word : bits) {
                count += Long.bitCount(word);
            }
        }
        return count;
    }

    private long[] wordsOf(int areaCode) {
        long[] bits = words[areaCode];
        if (bits == null) {
            bits = new long[WORDS];
            words[areaCode] = bits;
        }
        return bits;
    }

    /**
     * The next copy: each area code flat or compressed (see the class comment). An area code's bitset is
     * released as soon as it is compressed, so the peak is the bitsets plus one compressed area code.
     */
    public Snapshot build(String list, Instant asOf, Instant createdAt) {
        long[][] dense = new long[1000][];
        RoaringBitmap[] sparse = new RoaringBitmap[1000];
        long size = 0;
        for (int areaCode = 0; areaCode < 1000; areaCode++) {
            long[] bits = words[areaCode];
            words[areaCode] = null;
            if (bits == null) {
                continue;
            }
            long count = count(bits);
            size += count;
            if (count >= DENSE) {
                dense[areaCode] = bits;
            } else if (count > 0) {
                RoaringBitmap numbers = BitSetUtil.bitmapOf(bits);
                numbers.runOptimize();
                sparse[areaCode] = numbers;
            }
        }
        return new Snapshot(list, asOf, createdAt, size, dense, sparse);
    }

    /** A built registry copy, before it is written: per area code a flat bitset or a RoaringBitmap or nothing. */
    public record Snapshot(String list, Instant asOf, Instant createdAt, long size, long[][] dense, RoaringBitmap[] sparse) {
    }
}
