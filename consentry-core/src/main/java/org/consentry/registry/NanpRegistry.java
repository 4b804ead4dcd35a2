package org.consentry.registry;

import java.nio.LongBuffer;
import java.time.Instant;
import java.util.Objects;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * One Do-Not-Call registry copy (the national list, a state's list, or the provider's block list), as
 * loaded from a snapshot file: for each NANP area code, the seven-digit numbers listed under it, either as a
 * flat bitset of ten million bits (an area code with many listed numbers: one memory read per lookup) or as a
 * compressed bitmap, both mapped from the file, off the heap (RoaringBitmap's portable format, read in place, off the heap: an area
 * code with few). BENCHMARKS.md has the measurements behind the choice. Immutable: a newer copy is a new
 * instance, swapped in whole.
 */
public final class NanpRegistry {

    /** The first and last E.164 digits of a NANP number with a valid area code: +1 200 000 0000 to +1 999 999 9999. */
    public static final long FIRST = 12_000_000_000L;
    public static final long LAST = 19_999_999_999L;
    static final int LOCAL_NUMBERS = 10_000_000;

    private final String list;
    private final Instant asOf;
    private final Instant createdAt;
    private final long size;
    private final LongBuffer[] dense;
    private final ImmutableRoaringBitmap[] sparse;

    /** {@code dense} and {@code sparse} are indexed by area code; an area code is in one of them or neither. */
    public NanpRegistry(String list, Instant asOf, Instant createdAt, long size, LongBuffer[] dense, ImmutableRoaringBitmap[] sparse) {
        this.list = Objects.requireNonNull(list, "list");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.size = size;
        this.dense = dense;
        this.sparse = sparse;
    }

    /** Whether the number, as its E.164 digits ({@code +13055550100} is 13055550100), is listed. */
    public boolean contains(long e164Digits) {
        if (e164Digits < FIRST || e164Digits > LAST) {
            return false;
        }
        long national = e164Digits - 10_000_000_000L;
        int areaCode = (int) (national / LOCAL_NUMBERS);
        int local = (int) (national % LOCAL_NUMBERS);
        LongBuffer bits = dense[areaCode];
        if (bits != null) {
            return (bits.get(local >>> 6) & (1L << local)) != 0;
        }
        ImmutableRoaringBitmap numbers = sparse[areaCode];
        return numbers != null && numbers.contains(local);
    }

    /**
     * Brings the number's word of a flat bitset into the cache, as {@link #contains(long)} would read it: a caller
     * about to look up many numbers touches them all first, so that their memory (and page table) waits overlap.
     * The answer means nothing; adding it into something kept stops the compiler from dropping the read.
     */
    public long touch(long e164Digits) {
        if (e164Digits < FIRST || e164Digits > LAST) {
            return 0;
        }
        long national = e164Digits - 10_000_000_000L;
        LongBuffer bits = dense[(int) (national / LOCAL_NUMBERS)];
        return bits == null ? 0 : bits.get((int) (national % LOCAL_NUMBERS) >>> 6);
    }

    /** Whether an E.164 number ({@code +13055550100}) is listed; anything else is not. */
    public boolean contains(String e164) {
        if (e164 == null || e164.length() != 12 || !e164.startsWith("+1")) {
            return false;
        }
        long digits = 0;
        for (int i = 1; i < 12; i++) {
            char c = e164.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            digits = digits * 10 + (c - '0');
        }
        return contains(digits);
    }

    /**
     * Whether the copy holds any number of the area code of an E.164 NANP number ({@code +13055550100}): a full copy
     * may be downloaded for some area codes only, and one it holds nothing of was not. False for anything else.
     */
    public boolean holdsAreaCodeOf(String e164) {
        if (e164 == null || e164.length() != 12 || !e164.startsWith("+1")) {
            return false;
        }
        int areaCode = 0;
        for (int i = 2; i < 5; i++) {
            char c = e164.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            areaCode = areaCode * 10 + (c - '0');
        }
        return dense[areaCode] != null || sparse[areaCode] != null;
    }

    /** As {@link #holdsAreaCodeOf(String)} for the number as its E.164 digits. */
    public boolean holdsAreaCodeOf(long e164Digits) {
        if (e164Digits < FIRST || e164Digits > LAST) {
            return false;
        }
        int areaCode = (int) ((e164Digits - 10_000_000_000L) / LOCAL_NUMBERS);
        return dense[areaCode] != null || sparse[areaCode] != null;
    }

    /** The list's name: {@code national}, {@code state:FL} or {@code block}. */
    public String list() {
        return list;
    }

    /** The date of the registry copy (the 31-day rule counts from it). */
    public Instant asOf() {
        return asOf;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** How many numbers it lists. */
    public long size() {
        return size;
    }

    /** The flat bitset of one area code (read only), or null when it is held compressed or has no number. */
    public LongBuffer dense(int areaCode) {
        return dense[areaCode];
    }

    /** The compressed bitmap of one area code, or null when it is held flat or has no number. */
    public ImmutableRoaringBitmap sparse(int areaCode) {
        return sparse[areaCode];
    }
}
