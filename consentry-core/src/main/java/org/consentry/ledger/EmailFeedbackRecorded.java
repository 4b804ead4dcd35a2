package org.consentry.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A report about the tenant's email, kept as evidence and counted: a recipient's complaint (an ARF report or the
 * spam-report page), a hard bounce, a soft bounce, or the soft bounce that reached the limit. Complaints, hard
 * bounces and the limit suppress the address for the tenant's email; every complaint counts against the tenant.
 *
 * @param address   the recipient, lower case; null when the report does not say (providers redact it)
 * @param reporter  who reported it: the feedback loop's user agent, the reporting MTA
 * @param detail    what the report says: the feedback type, the status and the server's diagnostic
 * @param messageId the Message-ID of the message reported, when known
 */
public record EmailFeedbackRecorded(Kind kind, String address, Instant at, String reporter, String detail, String messageId)
        implements LedgerEvent {

    /** What was reported. */
    public enum Kind {
        COMPLAINT, HARD_BOUNCE, SOFT_BOUNCE, SOFT_BOUNCE_LIMIT;

        /** The name used on the wire, lower-cased once rather than on every answer. */
        private final String wireName = name().toLowerCase(Locale.ROOT);

        public String wireName() {
            return wireName;
        }

        /** Whether a report of this kind stops the tenant's email to the address. */
        public boolean suppresses() {
            return this != SOFT_BOUNCE;
        }
    }

    @Override public EventType type() {
        return EventType.EMAIL_FEEDBACK_RECORDED;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("kind", kind.wireName());
        fields.put("address", address);
        fields.put("at", at.toString());
        fields.put("reporter", reporter);
        fields.put("detail", detail);
        fields.put("message_id", messageId);
        return fields;
    }

    static EmailFeedbackRecorded read(EventFields f) {
        return new EmailFeedbackRecorded(f.enumValue("kind", Kind.class), f.optionalString("address"), f.instant("at"),
                f.optionalString("reporter"), f.optionalString("detail"), f.optionalString("message_id"));
    }
}
