package org.consentry.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider reported facts about numbers: when they were permanently disconnected (reassigned numbers
 * data, {@code kind} "disconnected", value an instant) or what line type they are ({@code kind} "line_type",
 * value mobile, landline, voip or toll_free).
 */
public record NumbersReported(String kind, List<Entry> entries) implements LedgerEvent {

    public static final String DISCONNECTED = "disconnected";
    public static final String LINE_TYPE = "line_type";

    /** One number and what is reported of it. */
    public record Entry(String number, String value) {
    }

    public NumbersReported {
        entries = List.copyOf(entries);
    }

    @Override public EventType type() {
        return EventType.NUMBERS_REPORTED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        List<Map<String, Object>> list = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            list.add(Map.of("number", entry.number(), "value", entry.value()));
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put("kind", kind);
        fields.put("entries", list);
        return fields;
    }

    static NumbersReported read(EventFields f) {
        List<Entry> entries = new ArrayList<>();
        for (EventFields entry : f.objects("entries")) {
            entries.add(new Entry(entry.string("number"), entry.string("value")));
        }
        return new NumbersReported(f.string("kind"), entries);
    }
}
