package org.consentry.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * A consent was withdrawn: by a revocation of that consent, or by an opt-out covering its channel
 * ({@code byOptOut}), which a later opt-in on that channel undoes.
 */
public record ConsentRevoked(String consentId, String address, Instant at, String via, boolean byOptOut) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.CONSENT_REVOKED;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("consent_id", consentId, "address", address, "at", at.toString(), "via", via, "by_opt_out", byOptOut);
    }

    static ConsentRevoked read(EventFields f) {
        return new ConsentRevoked(f.string("consent_id"), f.string("address"), f.instant("at"), f.string("via"), f.bool("by_opt_out"));
    }
}
