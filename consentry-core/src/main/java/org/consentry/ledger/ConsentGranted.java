package org.consentry.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.consentry.consent.ConsentMethod;
import org.consentry.consent.ConsentStatus;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;

/**
 * A recipient consented. {@code status} is pending when the tenant requires double opt-in and the consent
 * arrived unconfirmed, else active.
 */
public record ConsentGranted(String consentId, String address, Channel channel, Purpose purpose, ConsentMethod method,
                             ConsentStatus status, Instant capturedAt, boolean confirmed, ConsentEvidence evidence)
        implements LedgerEvent {

    @Override public EventType type() {
        return EventType.CONSENT_GRANTED;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("consent_id", consentId);
        fields.put("address", address);
        fields.put("channel", channel.wireName());
        fields.put("purpose", purpose.wireName());
        fields.put("method", method.wireName());
        fields.put("status", status.wireName());
        fields.put("captured_at", capturedAt.toString());
        fields.put("confirmed", confirmed);
        fields.put("ip", evidence.ip());
        fields.put("user_agent", evidence.userAgent());
        fields.put("source_url", evidence.sourceUrl());
        fields.put("disclosure_text", evidence.disclosureText());
        fields.put("frequency", evidence.frequency());
        fields.put("import_source", evidence.importSource());
        if (evidence.form() != null) {
            fields.put("form_id", evidence.form().id());
            fields.put("form_version", (long) evidence.form().version());
        }
        fields.put("disclosure_sha256", evidence.disclosureSha256());
        return fields;
    }

    static ConsentGranted read(EventFields f) {
        return new ConsentGranted(f.string("consent_id"), f.string("address"), f.enumValue("channel", Channel.class),
                f.enumValue("purpose", Purpose.class), f.enumValue("method", ConsentMethod.class),
                f.enumValue("status", ConsentStatus.class), f.instant("captured_at"), f.bool("confirmed"),
                new ConsentEvidence(f.optionalString("ip"), f.optionalString("user_agent"), f.optionalString("source_url"),
                        f.optionalString("disclosure_text"), f.optionalString("frequency"), f.optionalString("import_source"),
                        f.optionalString("form_id") == null ? null
                                : new ConsentEvidence.FormVersion(f.string("form_id"), (int) f.number("form_version", 1)),
                        f.optionalString("disclosure_sha256")));
    }
}
