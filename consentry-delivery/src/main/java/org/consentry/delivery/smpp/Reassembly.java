package org.consentry.delivery.smpp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Joins the parts of a long text a handset sent (several deliver_sm with one concatenation reference) back into the text,
 * whatever order they come in. Parts wait until the last one is there; bounded, the oldest unfinished text is dropped
 * first (its missing part never came).
 */
final class Reassembly {

    private final Map<String, String[]> waiting;

    Reassembly(int capacity) {
        this.waiting = new LinkedHashMap<>(64, 0.75f, false) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, String[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Adds a part; the whole text once every part has come, else empty. */
    synchronized Optional<String> add(String from, String to, Concatenation part, String text) {
        String key = from + "|" + to + "|" + part.reference() + "|" + part.total();
        String[] parts = waiting.computeIfAbsent(key, absent -> new String[part.total()]);
        parts[part.sequence() - 1] = text;
        for (String each : parts) {
            if (each == null) {
                return Optional.empty();
            }
        }
        waiting.remove(key);
        return Optional.of(String.join("", parts));
    }
}
