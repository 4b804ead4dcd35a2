package org.consentry.ledger;

import java.time.Instant;
import java.util.Map;
import org.consentry.consent.RelationshipKind;

/** A business relationship with a recipient: a purchase or an inquiry ({@code POST /v1/relationships}). */
public record RelationshipRecorded(String address, RelationshipKind kind, Instant at) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.RELATIONSHIP_RECORDED;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("address", address, "kind", kind.wireName(), "at", at.toString());
    }

    static RelationshipRecorded read(EventFields f) {
        return new RelationshipRecorded(f.string("address"), f.enumValue("kind", RelationshipKind.class), f.instant("at"));
    }
}
