package org.consentry.ledger;

import java.time.Instant;
import java.util.Map;

/** An opt-in (START, UNSTOP, YES) restored a consent that an opt-out on the same channel had revoked. */
public record ConsentReinstated(String consentId, String address, Instant at, String via) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.CONSENT_REINSTATED;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("consent_id", consentId, "address", address, "at", at.toString(), "via", via);
    }

    static ConsentReinstated read(EventFields f) {
        return new ConsentReinstated(f.string("consent_id"), f.string("address"), f.instant("at"), f.string("via"));
    }
}
