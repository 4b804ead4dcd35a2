package org.consentry.ledger;

import java.time.Instant;
import java.util.Map;

/** A number went on the tenant's own Do-Not-Call list. */
public record InternalDncAdded(String number, Instant at) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.INTERNAL_DNC_ADDED;
    }

    @Override public String subject() {
        return number;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("number", number, "at", at.toString());
    }

    static InternalDncAdded read(EventFields f) {
        return new InternalDncAdded(f.string("number"), f.instant("at"));
    }
}
