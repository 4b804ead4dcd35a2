package org.consentry.registry;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * A set of phone numbers, held as a compressed bitmap of their E.164 digits (RoaringBitmap): registries of
 * millions of numbers in little memory with fast lookups. Safe for one writer and many readers.
 *
 * <p>Reads take no lock, so that a look-up (every check of a marketing send makes several) never waits for, nor
 * contends with, another. The bitmap is never changed once readers can see it: changes go to two small concurrent
 * sets beside it (numbers added, numbers of the bitmap removed), and once they hold {@value #MERGE_AT} numbers a new
 * bitmap with them merged in replaces the old one, published with empty sets in one write. Each change of a number
 * is one step for a reader (it is added, removed, or neither), and the bitmap is copied once per
 * {@value #MERGE_AT} changes, however they are batched.
 */
public final class NumberSet {

    static final int MERGE_AT = 1 << 16;

    /** What a reader sees: the bitmap, and the changes made since it was built. */
    private record State(Roaring64NavigableMap bits, long bitsCardinality, Set<Long> added, Set<Long> removed) {
        boolean contains(long key) {
            if (added.isEmpty() && removed.isEmpty()) {
                return bits.contains(key);
            }
            return added.contains(key) || (bits.contains(key) && !removed.contains(key));
        }
    }

    private volatile State state = new State(new Roaring64NavigableMap(), 0, ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
    private final int mergeAt;

    public NumberSet() {
        this(MERGE_AT);
    }

    /** @param mergeAt how many changes wait beside the bitmap before it is rebuilt with them (tests make it small) */
    NumberSet(int mergeAt) {
        this.mergeAt = mergeAt;
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
        long[] keys = keys(numbers);
        int added = 0;
        for (long key : keys) {
            State now = state;
            if (now.removed.remove(key)) { // back in the bitmap's answer
                added++;
            } else if (!now.bits.contains(key) && now.added.add(key)) {
                added++;
            }
        }
        mergeIfLarge();
        return added;
    }

    /** Removes the numbers; returns how many were there. */
    public synchronized int removeAll(Collection<String> numbers) {
        long[] keys = keys(numbers);
        int removed = 0;
        for (long key : keys) {
            State now = state;
            if (now.added.remove(key)) {
                removed++;
            } else if (now.bits.contains(key) && now.removed.add(key)) {
                removed++;
            }
        }
        mergeIfLarge();
        return removed;
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

    private void mergeIfLarge() {
        State now = state;
        long changes = now.added.size() + (long) now.removed.size();
        if (changes < mergeAt) {
            return;
        }
        Roaring64NavigableMap merged = new Roaring64NavigableMap();
        merged.or(now.bits);
        for (long key : now.added) {
            merged.addLong(key);
        }
        for (long key : now.removed) {
            merged.removeLong(key);
        }
        long cardinality = merged.getLongCardinality(); // also fills the bitmap's own caches before readers share it
        state = new State(merged, cardinality, ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
    }

    public boolean contains(String e164) {
        return state.contains(key(e164));
    }

    public long size() {
        State now = state;
        return now.bitsCardinality + now.added.size() - now.removed.size();
    }
}
