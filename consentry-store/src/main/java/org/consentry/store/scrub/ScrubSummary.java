package org.consentry.store.scrub;

import java.util.EnumMap;
import java.util.Map;
import org.consentry.policy.Decision;
import org.consentry.policy.ReasonCode;

/** What a scrub found: rows by decision, and the rows that each reason kept out of the campaign. */
public final class ScrubSummary {

    private long rows;
    /** Counted by ordinal: a map's boxed counts cost more than the rest of a row's bookkeeping. */
    private final long[] decisions = new long[Decision.values().length];
    private final long[] removedBy = new long[ReasonCode.values().length];

    void count(Decision decision, Iterable<ReasonCode> reasons) {
        rows++;
        decisions[decision.ordinal()]++;
        if (decision != Decision.ALLOW) {
            for (ReasonCode code : reasons) {
                removedBy[code.ordinal()]++;
            }
        }
    }

    void add(ScrubSummary other) {
        rows += other.rows;
        for (int i = 0; i < decisions.length; i++) {
            decisions[i] += other.decisions[i];
        }
        for (int i = 0; i < removedBy.length; i++) {
            removedBy[i] += other.removedBy[i];
        }
    }

    public long rows() {
        return rows;
    }

    public long count(Decision decision) {
        return decisions[decision.ordinal()];
    }

    /** For each reason, how many rows it blocked or deferred (a row with two reasons counts under both). */
    public Map<ReasonCode, Long> removedBy() {
        Map<ReasonCode, Long> counts = new EnumMap<>(ReasonCode.class);
        for (ReasonCode code : ReasonCode.values()) {
            if (removedBy[code.ordinal()] > 0) {
                counts.put(code, removedBy[code.ordinal()]);
            }
        }
        return Map.copyOf(counts);
    }

    /** The counts as JSON: {@code {"rows":..,"allow":..,"block":..,"defer":..,"removed_by_reason":{..}}}, reasons by count. */
    public String toJson() {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"rows\":").append(rows);
        for (Decision decision : Decision.values()) {
            json.append(",\"").append(decision.name().toLowerCase(java.util.Locale.ROOT)).append("\":").append(count(decision));
        }
        json.append(",\"removed_by_reason\":{");
        boolean first = true;
        for (Map.Entry<ReasonCode, Long> entry : sortedReasons()) {
            json.append(first ? "" : ",").append('"').append(entry.getKey().name()).append("\":").append(entry.getValue());
            first = false;
        }
        return json.append("}}").toString();
    }

    /** The reasons, most rows first (then by name). */
    public java.util.List<Map.Entry<ReasonCode, Long>> sortedReasons() {
        return removedBy().entrySet().stream()
                .sorted(Map.Entry.<ReasonCode, Long>comparingByValue().reversed().thenComparing(entry -> entry.getKey().name()))
                .map(entry -> Map.entry(entry.getKey(), entry.getValue()))
                .toList();
    }
}
