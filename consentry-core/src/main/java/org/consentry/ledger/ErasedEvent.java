package org.consentry.ledger;

import java.util.Map;

/**
 * An event about a person whose key was destroyed: its kind, place and hashes remain (the chain still verifies over
 * {@code stored}, the sealed payload), its content is gone. Projections pass over it.
 */
public record ErasedEvent(EventType type, Map<String, Object> stored) implements LedgerEvent {

    public ErasedEvent {
        stored = Map.copyOf(stored);
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        return stored;
    }
}
