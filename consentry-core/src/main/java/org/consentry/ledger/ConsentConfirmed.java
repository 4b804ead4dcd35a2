package org.consentry.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * The recipient confirmed a pending consent (a YES reply, or the email link), with the confirmation's own
 * evidence when it came through a page: the IP address and user agent of the browser that confirmed.
 */
public record ConsentConfirmed(String consentId, String address, Instant at, String via, String ip, String userAgent)
        implements LedgerEvent {

    public ConsentConfirmed(String consentId, String address, Instant at, String via) {
        this(consentId, address, at, via, null, null);
    }

    @Override public EventType type() {
        return EventType.CONSENT_CONFIRMED;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("consent_id", consentId);
        fields.put("address", address);
        fields.put("at", at.toString());
        fields.put("via", via);
        fields.put("ip", ip);
        fields.put("user_agent", userAgent);
        return fields;
    }

    static ConsentConfirmed read(EventFields f) {
        return new ConsentConfirmed(f.string("consent_id"), f.string("address"), f.instant("at"), f.string("via"), f.optionalString("ip"),
                f.optionalString("user_agent"));
    }
}
