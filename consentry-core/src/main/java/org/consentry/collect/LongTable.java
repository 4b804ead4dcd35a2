package org.consentry.collect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A map from {@code long} keys to values, for look-ups on every check: an open-addressing table, read without a
 * lock beside one writer at a time (the caller serializes writes). A look-up touches the key array and the value
 * array, not a node, a boxed key and its hash as a {@code HashMap} does.
 *
 * <p>A new entry's value is published before its key, each with release semantics, and a reader acquires the key
 * before it reads the value, so it never sees a key without its value. Keys are never removed. The table is kept at
 * most half full (a probe always ends at an empty slot) and grows by building a larger one whole and publishing
 * it; a reader still on the old one sees the entries as they were. Key 0 marks an empty slot, so its value is kept
 * in a field of its own.
 */
public final class LongTable<V> {

    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(Object[].class);

    private record Slots(long[] keys, Object[] values) {
        int mask() {
            return keys.length - 1;
        }
    }

    private volatile Slots slots;
    private volatile Object zero;
    private volatile int size;

    public LongTable() {
        this(16);
    }

    /** @param capacity the first number of slots, a power of two */
    public LongTable(int capacity) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity " + capacity + " is not a power of two");
        }
        slots = new Slots(new long[capacity], new Object[capacity]);
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        if (key == 0) {
            return (V) zero;
        }
        Slots table = slots;
        int mask = table.mask();
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long found = (long) KEYS.getAcquire(table.keys(), i);
            if (found == key) {
                return (V) VALUES.getAcquire(table.values(), i);
            }
            if (found == 0) {
                return null;
            }
        }
    }

    /**
     * Brings the key's home slot (its key and value) into the cache, without looking further: a caller about to
     * look up many keys touches them all first, so that their memory waits overlap instead of coming one after
     * another. The answer means nothing; adding it into something kept stops the compiler from dropping the reads.
     */
    public long touch(long key) {
        Slots table = slots;
        int i = slot(key, table.mask());
        return table.keys()[i] + (table.values()[i] == null ? 0 : 1);
    }

    /**
     * The values of many keys at once ({@code into[i]} for {@code keys[i]}, null where a key has none), for a caller
     * looking up a group of keys that are not in the cache: first a loop that only loads each key's home slot, so
     * that the processor keeps all of those loads in flight together, then one that loads the values of the keys
     * found, in flight together too, then the probes themselves from the cache. One look-up at a time waits for each
     * key's slot, then its value, in turn; a loop that does more between its loads (parsing, hashing a string) keeps
     * only a few of them in flight.
     */
    public void getAll(long[] keys, int count, V[] into) {
        Slots table = slots;
        long[] slotKeys = table.keys();
        Object[] slotValues = table.values();
        int mask = table.mask();
        long touched = 0;
        for (int i = 0; i < count; i++) {
            touched += slotKeys[slot(keys[i], mask)];
        }
        for (int i = 0; i < count; i++) {
            int home = slot(keys[i], mask);
            if (slotKeys[home] == keys[i]) {
                touched += slotValues[home] == null ? 0 : 1;
            }
        }
        if (touched == Long.MIN_VALUE + 7) {
            touchedSink = touched; // (almost) never written, so the threads do not share the line; compared, so the loads stay
        }
        for (int i = 0; i < count; i++) {
            into[i] = get(keys[i]);
        }
    }

    /** Where {@link #getAll}'s touches go, so that the compiler keeps the loads. */
    @SuppressWarnings("unused")
    private long touchedSink;

    /** Sets the key's value (not null); the caller serializes writes. */
    public void put(long key, V value) {
        if (value == null) {
            throw new NullPointerException("value");
        }
        if (key == 0) {
            if (zero == null) {
                size++;
            }
            zero = value;
            return;
        }
        Slots table = slots;
        int mask = table.mask();
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long found = table.keys()[i];
            if (found == key) {
                VALUES.setRelease(table.values(), i, value);
                return;
            }
            if (found == 0) {
                if (size + 1 > table.keys().length / 2) {
                    // grown before the new key goes in, not after: a table readers may still hold is never more than half
                    // full, so their probes end at an empty slot (a table of 1 or 2 slots filled whole before growing
                    // left a reader of it probing for ever)
                    slots = grown(table);
                    put(key, value);
                    return;
                }
                VALUES.setRelease(table.values(), i, value);
                KEYS.setRelease(table.keys(), i, key);
                size++;
                return;
            }
        }
    }

    /** How many keys have a value. */
    public int size() {
        return size;
    }

    /** Something done with each entry. */
    @FunctionalInterface
    public interface Entry<V> {
        void accept(long key, V value);
    }

    /** Each entry as of the call (one written beside it may or may not be seen). */
    @SuppressWarnings("unchecked")
    public void forEach(Entry<V> action) {
        Object atZero = zero;
        if (atZero != null) {
            action.accept(0, (V) atZero);
        }
        Slots table = slots;
        for (int i = 0; i < table.keys().length; i++) {
            long key = (long) KEYS.getAcquire(table.keys(), i);
            if (key != 0) {
                action.accept(key, (V) VALUES.getAcquire(table.values(), i));
            }
        }
    }

    /** Spreads the keys (neighbouring numbers are neighbouring keys) over the table. */
    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private static Slots grown(Slots table) {
        int capacity = table.keys().length * 2;
        Slots bigger = new Slots(new long[capacity], new Object[capacity]);
        int mask = bigger.mask();
        for (int j = 0; j < table.keys().length; j++) {
            long key = table.keys()[j];
            if (key == 0) {
                continue;
            }
            int i = slot(key, mask);
            while (bigger.keys()[i] != 0) {
                i = (i + 1) & mask;
            }
            bigger.keys()[i] = key;
            bigger.values()[i] = table.values()[j];
        }
        return bigger;
    }
}
