package org.consentry.registry;

import java.time.Instant;
import java.util.Objects;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * One Do-Not-Call registry copy (the national list, a state's list, or the provider's block list), as
 * loaded from a snapshot file: for each NANP area code, the seven-digit numbers listed under it as a
 * compressed bitmap mapped from the file (RoaringBitmap's portable format, read in place, off the heap).
 * Immutable: a newer copy is a new instance, swapped in whole.
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
    private final ImmutableRoaringBitmap[] byAreaCode;

    public NanpRegistry(String list, Instant asOf, Instant createdAt, long size, ImmutableRoaringBitmap[] byAreaCode) {
        this.list = Objects.requireNonNull(list, "list");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.size = size;
        this.byAreaCode = byAreaCode;
    }

    /** Whether the number, as its E.164 digits ({@code +13055550100} is 13055550100), is listed. */
    public boolean contains(long e164Digits) {
        if (e164Digits < FIRST || e164Digits > LAST) {
            return false;
        }
        long national = e164Digits - 10_000_000_000L;
        ImmutableRoaringBitmap numbers = byAreaCode[(int) (national / LOCAL_NUMBERS)];
        return numbers != null && numbers.contains((int) (national % LOCAL_NUMBERS));
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

    /** The bitmap of one area code, or null; for the builder of the next copy. */
    public ImmutableRoaringBitmap areaCode(int areaCode) {
        return byAreaCode[areaCode];
    }
}
