package org.consentry.store.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.consentry.collect.LongTable;

/**
 * One tenant's recipients and their state. Phone numbers, nearly all of a provider's recipients, are kept in a
 * {@link LongTable} keyed by the E.164 digits as a {@code long}: a look-up among ten million touches the key array
 * and the value array, not a hash node, a key string and its bytes as a {@code ConcurrentHashMap} of strings does
 * (and the ten million strings are not kept). Other addresses (email) are in a {@link ConcurrentHashMap}. Reads take
 * no lock; writes to the phone table are serialized here.
 */
final class ContactIndex<V> {

    private final LongTable<V> phones = new LongTable<>();
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

    V get(String address) {
        long key = phoneKey(address);
        return key == 0 ? others.get(address) : phones.get(key);
    }

    /**
     * The values of many addresses at once, null where an address has none; {@code addresses[i]} may be null (none).
     * Phone numbers are looked up together ({@link LongTable#getAll}), so that their waits on memory overlap.
     */
    void getAll(String[] addresses, int count, V[] into) {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = addresses[i] == null ? 0 : phoneKey(addresses[i]);
        }
        phones.getAll(keys, count, into);
        for (int i = 0; i < count; i++) {
            if (keys[i] == 0) {
                into[i] = addresses[i] == null ? null : others.get(addresses[i]);
            }
        }
    }

    /** Brings the address's slot into the cache (see {@link LongTable#touch}); the answer means nothing. */
    long touch(String address) {
        long key = phoneKey(address);
        return key == 0 ? 0 : phones.touch(key);
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
            V was = phones.get(key);
            V now = change.apply(address, was);
            if (now != null) {
                phones.put(key, now);
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
            phones.forEach((key, was) -> {
                V now = change.apply(address(key), was);
                if (now != null && now != was) {
                    phones.put(key, now); // an existing key: the table does not grow under the walk
                }
            });
        }
    }

    /** Every value, phones first; a copy, as of the call. */
    List<V> values() {
        List<V> values = new ArrayList<>(phones.size() + others.size());
        forEach(values::add);
        return values;
    }

    /** Each value, phones first, without copying them (one written beside it may or may not be seen). */
    void forEach(Consumer<V> action) {
        phones.forEach((key, value) -> action.accept(value));
        others.values().forEach(action);
    }

    int size() {
        return phones.size() + others.size();
    }
}
