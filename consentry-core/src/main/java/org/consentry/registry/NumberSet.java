package org.consentry.registry;

import java.util.Collection;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * A set of phone numbers, held as a compressed bitmap of their E.164 digits (RoaringBitmap): registries of
 * millions of numbers in little memory with fast lookups. Safe for one writer and many readers.
 *
 * <p>Reads take no lock: a change is made to a copy, which is then published whole, so that a lookup (every
 * check of a marketing send makes several) never waits for, nor contends with, another. A change therefore costs
 * a copy of the set: the numbers the API records change in batches (one ledger event each), and the registries'
 * millions come as imported copies ({@link NanpRegistry}), not through here.
 */
public final class NumberSet {

    private volatile Roaring64NavigableMap bits = new Roaring64NavigableMap();

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
        return addAll(java.util.List.of(e164)) == 1;
    }

    public boolean remove(String e164) {
        return removeAll(java.util.List.of(e164)) == 1;
    }

    /** Adds the numbers in one change; returns how many were not there. */
    public synchronized int addAll(Collection<String> numbers) {
        Roaring64NavigableMap changed = copy();
        int added = 0;
        for (String number : numbers) {
            long key = key(number);
            if (!changed.contains(key)) {
                changed.addLong(key);
                added++;
            }
        }
        if (added > 0) {
            bits = changed;
        }
        return added;
    }

    /** Removes the numbers in one change; returns how many were there. */
    public synchronized int removeAll(Collection<String> numbers) {
        Roaring64NavigableMap changed = copy();
        int removed = 0;
        for (String number : numbers) {
            long key = key(number);
            if (changed.contains(key)) {
                changed.removeLong(key);
                removed++;
            }
        }
        if (removed > 0) {
            bits = changed;
        }
        return removed;
    }

    private Roaring64NavigableMap copy() {
        Roaring64NavigableMap copy = new Roaring64NavigableMap();
        copy.or(bits);
        return copy;
    }

    public boolean contains(String e164) {
        return bits.contains(key(e164));
    }

    public long size() {
        return bits.getLongCardinality();
    }
}
