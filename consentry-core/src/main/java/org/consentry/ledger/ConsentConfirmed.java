package org.consentry.ledger;

import java.time.Instant;
import java.util.Map;

/** The recipient confirmed a pending consent (a YES reply, or the email link). */
public record ConsentConfirmed(String consentId, String address, Instant at, String via) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.CONSENT_CONFIRMED;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("consent_id", consentId, "address", address, "at", at.toString(), "via", via);
    }

    static ConsentConfirmed read(EventFields f) {
        return new ConsentConfirmed(f.string("consent_id"), f.string("address"), f.instant("at"), f.string("via"));
    }
}
