package org.consentry.store.scrub;

import java.util.EnumMap;
import java.util.Map;
import org.consentry.policy.Decision;
import org.consentry.policy.ReasonCode;

/** What a scrub found: rows by decision, and the rows that each reason kept out of the campaign. */
public final class ScrubSummary {

    private long rows;
    private final Map<Decision, Long> decisions = new EnumMap<>(Decision.class);
    private final Map<ReasonCode, Long> removedBy = new EnumMap<>(ReasonCode.class);

    void count(Decision decision, Iterable<ReasonCode> reasons) {
        rows++;
        decisions.merge(decision, 1L, Long::sum);
        if (decision != Decision.ALLOW) {
            for (ReasonCode code : reasons) {
                removedBy.merge(code, 1L, Long::sum);
            }
        }
    }

    void add(ScrubSummary other) {
        rows += other.rows;
        other.decisions.forEach((decision, count) -> decisions.merge(decision, count, Long::sum));
        other.removedBy.forEach((code, count) -> removedBy.merge(code, count, Long::sum));
    }

    public long rows() {
        return rows;
    }

    public long count(Decision decision) {
        return decisions.getOrDefault(decision, 0L);
    }

    /** For each reason, how many rows it blocked or deferred (a row with two reasons counts under both). */
    public Map<ReasonCode, Long> removedBy() {
        return Map.copyOf(removedBy);
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
        return removedBy.entrySet().stream()
                .sorted(Map.Entry.<ReasonCode, Long>comparingByValue().reversed().thenComparing(entry -> entry.getKey().name()))
                .map(entry -> Map.entry(entry.getKey(), entry.getValue()))
                .toList();
    }
}
