package org.consentry.registry;

import java.time.Instant;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Builds the next copy of a registry: numbers are set in a flat bitset per area code (1.25 MB each, made
 * when the area code is first seen), the fastest way to take hundreds of millions of numbers in any order;
 * {@link #bitmaps()} then compresses each area code into a RoaringBitmap. A change list starts from the
 * copy in force ({@link #startFrom}). Not thread-safe: one import feeds one builder.
 */
public final class RegistryBuilder {

    private static final int WORDS = (NanpRegistry.LOCAL_NUMBERS + 63) / 64;

    private final long[][] words = new long[1000][];
    private long added;
    private long removed;

    /** Starts from every number of {@code current}, for a change list. */
    public RegistryBuilder startFrom(NanpRegistry current) {
        for (int areaCode = 0; areaCode < 1000; areaCode++) {
            ImmutableRoaringBitmap numbers = current.areaCode(areaCode);
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

    private long[] wordsOf(int areaCode) {
        long[] bits = words[areaCode];
        if (bits == null) {
            bits = new long[WORDS];
            words[areaCode] = bits;
        }
        return bits;
    }

    /**
     * The compressed bitmaps, indexed by area code (null where none is listed). Each area code's bitset is
     * released as soon as it is compressed, so the peak is the bitsets plus one compressed area code.
     */
    public RoaringBitmap[] bitmaps() {
        RoaringBitmap[] bitmaps = new RoaringBitmap[1000];
        for (int areaCode = 0; areaCode < 1000; areaCode++) {
            long[] bits = words[areaCode];
            words[areaCode] = null;
            if (bits == null) {
                continue;
            }
            RoaringBitmap numbers = BitSetUtil.bitmapOf(bits);
            if (!numbers.isEmpty()) {
                numbers.runOptimize();
                bitmaps[areaCode] = numbers;
            }
        }
        return bitmaps;
    }

    /** Everything needed to write the snapshot. */
    public Snapshot build(String list, Instant asOf, Instant createdAt) {
        return new Snapshot(list, asOf, createdAt, bitmaps());
    }

    /** A built registry copy, before it is written. */
    public record Snapshot(String list, Instant asOf, Instant createdAt, RoaringBitmap[] bitmaps) {
        public long size() {
            long size = 0;
            for (RoaringBitmap numbers : bitmaps) {
                if (numbers != null) {
                    size += numbers.getLongCardinality();
                }
            }
            return size;
        }
    }
}
