package org.consentry.registry;

import java.util.Collection;
import java.util.List;
import org.consentry.collect.LongTable;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * A set of phone numbers, held as a compressed bitmap of their E.164 digits (RoaringBitmap): registries of
 * millions of numbers in little memory with fast lookups. Safe for one writer and many readers.
 *
 * <p>Reads take no lock, so that a look-up (every check of a marketing send makes several) never waits for, nor
 * contends with, another. The bitmap is never changed once readers can see it: a changed number is noted beside it
 * (in or out, in a {@link LongTable}, read without locks), and once {@value #MERGE_AT} numbers are noted a
 * new bitmap with them merged in replaces the old one, published with an empty table in one write. A change of a
 * number is one step for a reader, and the bitmap is copied once per {@value #MERGE_AT} numbers changed, however
 * the changes are batched.
 */
public final class NumberSet {

    static final int MERGE_AT = 1 << 16;

    /** What a reader sees: the bitmap, and the numbers changed since it was built, each with whether it is now in. */
    private record State(Roaring64NavigableMap bits, long bitsCardinality, LongTable<Boolean> changes) {
        boolean contains(long key) {
            Boolean noted = changes.size() == 0 ? null : changes.get(key); // the common case: nothing changed
            return noted != null ? noted : bits.contains(key);
        }
    }

    private final int mergeAt;
    private volatile State state;
    /** How many numbers are in the set: written by the writer only. */
    private volatile long size;

    public NumberSet() {
        this(MERGE_AT);
    }

    /** @param mergeAt how many numbers are noted beside the bitmap before it is rebuilt with them (tests make it small) */
    NumberSet(int mergeAt) {
        this.mergeAt = mergeAt;
        this.state = new State(new Roaring64NavigableMap(), 0, emptyChanges());
    }

    private static LongTable<Boolean> emptyChanges() {
        return new LongTable<>();
    }

    /** The digits of an E.164 number as one long: {@code +13055550100} is 13055550100. */
    public static long key(String e164) {
        int from = e164.startsWith("+") ? 1 : 0;
        if (e164.length() - from > 18 || e164.length() == from) {
            return Long.parseLong(e164.substring(from)); // fails as parseLong does
        }
        long key = 0;
        for (int i = from; i < e164.length(); i++) {
            char c = e164.charAt(i);
            if (c < '0' || c > '9') {
                return Long.parseLong(e164.substring(from)); // fails as parseLong does
            }
            key = key * 10 + (c - '0');
        }
        return key;
    }

    public boolean add(String e164) {
        return addAll(List.of(e164)) == 1;
    }

    public boolean remove(String e164) {
        return removeAll(List.of(e164)) == 1;
    }

    /** Adds the numbers; returns how many were not there. */
    public synchronized int addAll(Collection<String> numbers) {
        return change(keys(numbers), true);
    }

    /** Removes the numbers; returns how many were there. */
    public synchronized int removeAll(Collection<String> numbers) {
        return change(keys(numbers), false);
    }

    /** Under the lock. */
    private int change(long[] keys, boolean in) {
        int changed = 0;
        for (long key : keys) {
            State now = state;
            if (now.contains(key) == in) {
                continue;
            }
            now.changes.put(key, in);
            changed++;
            if (now.changes.size() >= mergeAt) {
                merge(now);
            }
        }
        size += in ? changed : -changed;
        return changed;
    }

    /** Every number parsed before any is applied: a bad one changes nothing. */
    private static long[] keys(Collection<String> numbers) {
        long[] keys = new long[numbers.size()];
        int i = 0;
        for (String number : numbers) {
            keys[i++] = key(number);
        }
        return keys;
    }

    private void merge(State now) {
        Roaring64NavigableMap merged = new Roaring64NavigableMap();
        merged.or(now.bits);
        now.changes.forEach((key, in) -> {
            if (in) {
                merged.addLong(key);
            } else {
                merged.removeLong(key);
            }
        });
        long cardinality = merged.getLongCardinality(); // also fills the bitmap's own caches before readers share it
        state = new State(merged, cardinality, emptyChanges());
    }

    public boolean contains(String e164) {
        return state.contains(key(e164));
    }

    /** As {@link #contains(String)} for the number whose {@link #key} is {@code key}. */
    public boolean contains(long key) {
        return state.contains(key);
    }

    public long size() {
        return size;
    }
}
