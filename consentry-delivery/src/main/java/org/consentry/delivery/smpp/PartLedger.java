package org.consentry.delivery.smpp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentry.delivery.Reports;

/**
 * Tells the receipts of a long text's parts as one: the message is known by its first part's SMSC id, so a later part's
 * receipt is told under that id. The message failed as soon as any part failed; it is delivered when its first part's
 * receipt says so and no part failed before; a later part's "delivered" or "pending" adds nothing. Bounded: the oldest
 * parts are forgotten first, and a receipt for a forgotten part is told under its own id.
 */
final class PartLedger {

    private final Map<String, String> firstPartOf;
    private final Map<String, Boolean> failed;

    PartLedger(int capacity) {
        this.firstPartOf = bounded(capacity);
        this.failed = bounded(capacity);
    }

    /** Remembers that the parts after the first ({@code laterIds}) belong to the message known as {@code firstId}. */
    synchronized void remember(String firstId, List<String> laterIds) {
        for (String laterId : laterIds) {
            firstPartOf.put(laterId, firstId);
        }
    }

    /** The id a receipt is reported under, or empty when it adds nothing to what was reported. */
    synchronized Optional<String> reportAs(String messageId, Reports.Outcome outcome) {
        String first = firstPartOf.get(messageId);
        if (first == null) {
            if (failed.containsKey(messageId)) {
                return Optional.empty(); // a later part failed first: the message stays failed
            }
            if (outcome == Reports.Outcome.FAILED) {
                failed.put(messageId, Boolean.TRUE);
            }
            return Optional.of(messageId);
        }
        if (outcome != Reports.Outcome.FAILED || failed.containsKey(first)) {
            return Optional.empty();
        }
        failed.put(first, Boolean.TRUE);
        return Optional.of(first);
    }

    private static <V> Map<String, V> bounded(int capacity) {
        return new LinkedHashMap<>(256, 0.75f, false) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
