package org.consentry.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A recipient reported one of the tenant's messages as spam on the spam-report page: who reported it (their
 * number or address), the sender it came from, the text they quote, and from which IP address. It counts as a
 * complaint against the tenant.
 */
public record SpamReported(String reporter, String sender, String text, Instant at, String ip) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.SPAM_REPORTED;
    }

    @Override public String subject() {
        return reporter;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("reporter", reporter);
        fields.put("sender", sender);
        fields.put("text", text);
        fields.put("at", at.toString());
        fields.put("ip", ip);
        return fields;
    }

    static SpamReported read(EventFields f) {
        return new SpamReported(f.string("reporter"), f.string("sender"), f.optionalString("text"), f.instant("at"), f.optionalString("ip"));
    }
}
