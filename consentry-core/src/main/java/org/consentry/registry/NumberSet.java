package org.consentry.registry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.List;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * A set of phone numbers, held as a compressed bitmap of their E.164 digits (RoaringBitmap): registries of
 * millions of numbers in little memory with fast lookups. Safe for one writer and many readers.
 *
 * <p>Reads take no lock, so that a look-up (every check of a marketing send makes several) never waits for, nor
 * contends with, another. The bitmap is never changed once readers can see it: a changed number is noted beside it
 * (in or out, in a small open-addressing table read without locks), and once {@value #MERGE_AT} numbers are noted a
 * new bitmap with them merged in replaces the old one, published with an empty table in one write. A change of a
 * number is one step for a reader, and the bitmap is copied once per {@value #MERGE_AT} numbers changed, however
 * the changes are batched.
 */
public final class NumberSet {

    static final int MERGE_AT = 1 << 16;

    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle IN = MethodHandles.arrayElementVarHandle(byte[].class);

    /**
     * The numbers changed since the bitmap was built, each with whether it is now in the set. Keys are never
     * removed (a number changed back is noted again), and the table is kept at least twice as large as the
     * numbers it holds (grown, then published whole), so a probe always ends. One writer; readers acquire a key
     * before they read its note.
     */
    private static final class Changes {
        final long[] keys;
        final byte[] in;
        int count;

        Changes(int capacity) {
            keys = new long[capacity];
            in = new byte[capacity];
        }

        /** The note for key 0 (0 marks an empty slot in the table): -1 not noted. */
        volatile byte zero = -1;

        /** 1 in, 0 out, -1 not noted. */
        int get(long key) {
            if (key == 0) {
                return zero;
            }
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                long found = (long) KEYS.getAcquire(keys, i);
                if (found == key) {
                    return (byte) IN.getAcquire(in, i);
                }
                if (found == 0) {
                    return -1;
                }
            }
        }

        void note(long key, boolean now) {
            if (key == 0) {
                count += zero < 0 ? 1 : 0;
                zero = (byte) (now ? 1 : 0);
                return;
            }
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                long found = keys[i];
                if (found == key) {
                    IN.setRelease(in, i, (byte) (now ? 1 : 0));
                    return;
                }
                if (found == 0) {
                    IN.setRelease(in, i, (byte) (now ? 1 : 0));
                    KEYS.setRelease(keys, i, key);
                    count++;
                    return;
                }
            }
        }

        /** The same notes in a table twice as large, built whole before it is published. */
        Changes grown() {
            Changes bigger = new Changes(keys.length * 2);
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != 0) {
                    bigger.note(keys[i], in[i] == 1);
                }
            }
            bigger.zero = zero;
            bigger.count = count;
            return bigger;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }

    /** What a reader sees: the bitmap, and the numbers changed since it was built. */
    private record State(Roaring64NavigableMap bits, long bitsCardinality, Changes changes) {
        boolean contains(long key) {
            int noted = changes.count == 0 ? -1 : changes.get(key); // count is only a hint for the common, unchanged case
            return noted >= 0 ? noted == 1 : bits.contains(key);
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

    private static Changes emptyChanges() {
        return new Changes(16);
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
            now.changes.note(key, in);
            changed++;
            if (now.changes.count >= mergeAt) {
                merge(now);
            } else if (now.changes.count * 2 > now.changes.keys.length) {
                state = new State(now.bits, now.bitsCardinality, now.changes.grown());
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
        Changes changes = now.changes;
        if (changes.zero >= 0) {
            if (changes.zero == 1) {
                merged.addLong(0);
            } else {
                merged.removeLong(0);
            }
        }
        for (int i = 0; i < changes.keys.length; i++) {
            long key = changes.keys[i];
            if (key != 0) {
                if (changes.in[i] == 1) {
                    merged.addLong(key);
                } else {
                    merged.removeLong(key);
                }
            }
        }
        long cardinality = merged.getLongCardinality(); // also fills the bitmap's own caches before readers share it
        state = new State(merged, cardinality, emptyChanges());
    }

    public boolean contains(String e164) {
        return state.contains(key(e164));
    }

    public long size() {
        return size;
    }
}
