package org.consentry.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Call detail records of the tenant's calls, as its carrier or dialer reported them: for each call, whether it was
 * answered and how long it lasted. They make the answer-seizure and short-call ratios of the tenant's health.
 */
public record CallsReported(List<Call> calls) implements LedgerEvent {

    /** One call: from one of the tenant's numbers, to a recipient, when, answered or not, for how many seconds. */
    public record Call(String from, String to, Instant startedAt, boolean answered, long durationSeconds) {
    }

    public CallsReported {
        calls = List.copyOf(calls);
    }

    @Override public EventType type() {
        return EventType.CALLS_REPORTED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        List<Map<String, Object>> list = new ArrayList<>(calls.size());
        for (Call call : calls) {
            list.add(Map.of("from", call.from(), "to", call.to(), "started_at", call.startedAt().toString(), "answered", call.answered(),
                    "duration_s", call.durationSeconds()));
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put("calls", list);
        return fields;
    }

    static CallsReported read(EventFields f) {
        List<Call> calls = new ArrayList<>();
        for (EventFields call : f.objects("calls")) {
            calls.add(new Call(call.string("from"), call.string("to"), call.instant("started_at"), call.bool("answered"),
                    call.number("duration_s", 0)));
        }
        return new CallsReported(calls);
    }
}
