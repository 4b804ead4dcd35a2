package org.consentry.store.projection;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * One tenant's recipients and their state. Phone numbers, nearly all of a provider's recipients, are kept in an
 * open-addressing table keyed by the E.164 digits as a {@code long}: a look-up among ten million touches the key
 * array and the value array, not a hash node, a key string and its bytes as a {@code ConcurrentHashMap} of strings
 * does (and the ten million strings are not kept). Other addresses (email) are in a {@link ConcurrentHashMap}.
 *
 * <p>Reads take no lock and may run beside a write: a new entry's value is published before its key, each with
 * release semantics, and a reader acquires the key before it reads the value; a grown table is built whole and
 * then published. Writes to the phone table are serialized.
 */
final class ContactIndex<V> {

    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final int FIRST_CAPACITY = 16;

    /** The phone table: keys (0 is an empty slot; no E.164 number is 0) and their values at the same index. */
    private record Table(long[] keys, Object[] values) {
        int mask() {
            return keys.length - 1;
        }
    }

    private volatile Table phones = new Table(new long[FIRST_CAPACITY], new Object[FIRST_CAPACITY]);
    /** Written under the lock only. */
    private int phoneCount;
    private final Map<String, V> others = new ConcurrentHashMap<>();

    /**
     * The E.164 number as its digits in a {@code long}, or 0 when {@code address} is not one ({@code +} then 1 to 15
     * digits, the first not 0): the key is then unique, since no such number starts with a 0.
     */
    static long phoneKey(String address) {
        int length = address.length();
        if (length < 2 || length > 16 || address.charAt(0) != '+' || address.charAt(1) == '0') {
            return 0;
        }
        long key = 0;
        for (int i = 1; i < length; i++) {
            char c = address.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            key = key * 10 + (c - '0');
        }
        return key;
    }

    private static String address(long key) {
        return "+" + key;
    }

    /** Spreads the digits of a number (neighbouring numbers are neighbouring keys) over the table. */
    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    V get(String address) {
        long key = phoneKey(address);
        return key == 0 ? others.get(address) : get(key);
    }

    @SuppressWarnings("unchecked")
    private V get(long key) {
        Table table = phones;
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

    /** As {@link Map#compute}; a null answer keeps what was there (recipients are never removed from the index). */
    V compute(String address, BiFunction<String, V, V> change) {
        long key = phoneKey(address);
        if (key == 0) {
            return others.compute(address, (a, was) -> {
                V now = change.apply(a, was);
                return now != null ? now : was;
            });
        }
        synchronized (this) {
            V was = get(key);
            V now = change.apply(address, was);
            if (now != null) {
                put(key, now);
            }
            return now != null ? now : was;
        }
    }

    void put(String address, V value) {
        compute(address, (a, was) -> value);
    }

    /** Replaces every value with what {@code change} makes of it; a null answer keeps what was there. */
    void replaceAll(BiFunction<String, V, V> change) {
        others.replaceAll((address, was) -> {
            V now = change.apply(address, was);
            return now != null ? now : was;
        });
        synchronized (this) {
            Table table = phones;
            for (int i = 0; i < table.keys().length; i++) {
                long key = table.keys()[i];
                if (key != 0) {
                    @SuppressWarnings("unchecked")
                    V was = (V) table.values()[i];
                    V now = change.apply(address(key), was);
                    if (now != null && now != was) { // null keeps what was there, as in compute
                        VALUES.setRelease(table.values(), i, now);
                    }
                }
            }
        }
    }

    /** Every value, phones first; a copy, as of the call. */
    List<V> values() {
        List<V> values = new ArrayList<>(phoneCount + others.size());
        forEach(values::add);
        return values;
    }

    /** Each value, phones first, without copying them (one writing beside it may or may not be seen). */
    @SuppressWarnings("unchecked")
    void forEach(java.util.function.Consumer<V> action) {
        Table table = phones;
        for (int i = 0; i < table.keys().length; i++) {
            if ((long) KEYS.getAcquire(table.keys(), i) != 0) {
                action.accept((V) VALUES.getAcquire(table.values(), i));
            }
        }
        others.values().forEach(action);
    }

    int size() {
        synchronized (this) {
            return phoneCount + others.size();
        }
    }

    /** Under the lock. */
    private void put(long key, V value) {
        Table table = phones;
        int mask = table.mask();
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long found = table.keys()[i];
            if (found == key) {
                VALUES.setRelease(table.values(), i, value);
                return;
            }
            if (found == 0) {
                VALUES.setRelease(table.values(), i, value);
                KEYS.setRelease(table.keys(), i, key);
                phoneCount++;
                if (phoneCount > table.keys().length / 2) {
                    phones = grown(table);
                }
                return;
            }
        }
    }

    /** Twice the size, built whole before it is published; at most half full, so probes stay short. */
    private static Table grown(Table table) {
        int capacity = table.keys().length * 2;
        Table bigger = new Table(new long[capacity], new Object[capacity]);
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
