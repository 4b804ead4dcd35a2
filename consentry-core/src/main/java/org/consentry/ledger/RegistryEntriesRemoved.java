package org.consentry.ledger;

import java.util.List;
import java.util.Map;

/** The provider removed numbers from one of its lists (a registry change list's deletions). */
public record RegistryEntriesRemoved(String list, List<String> numbers) implements LedgerEvent {

    public RegistryEntriesRemoved {
        numbers = List.copyOf(numbers);
    }

    @Override public EventType type() {
        return EventType.REGISTRY_ENTRIES_REMOVED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("list", list, "numbers", numbers);
    }

    static RegistryEntriesRemoved read(EventFields f) {
        return new RegistryEntriesRemoved(f.string("list"), f.strings("numbers"));
    }
}
