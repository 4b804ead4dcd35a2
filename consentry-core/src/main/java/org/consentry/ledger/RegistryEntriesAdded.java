package org.consentry.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider added numbers to one of its lists: {@code national} (the national Do-Not-Call registry copy),
 * {@code state:XX}, or {@code block}. {@code asOf} dates the registry copy they come from (31-day rule).
 */
public record RegistryEntriesAdded(String list, List<String> numbers, Instant asOf) implements LedgerEvent {

    public RegistryEntriesAdded {
        numbers = List.copyOf(numbers);
    }

    @Override public EventType type() {
        return EventType.REGISTRY_ENTRIES_ADDED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("list", list);
        fields.put("numbers", numbers);
        fields.put("as_of", asOf == null ? null : asOf.toString());
        return fields;
    }

    static RegistryEntriesAdded read(EventFields f) {
        return new RegistryEntriesAdded(f.string("list"), f.strings("numbers"), f.optionalInstant("as_of"));
    }
}
