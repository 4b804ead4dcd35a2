package org.consentry.feedback;

import java.util.List;
import java.util.Locale;

/** A report read from a mail server or mailbox provider: a complaint, a bounce, or an auto-reply (which is neither). */
public sealed interface FeedbackReport permits FeedbackReport.Complaint, FeedbackReport.Bounce, FeedbackReport.AutoReply {

    /**
     * What the report says of the message it is about (the original): its sender, recipient, id, and the
     * unsubscribe links it carried. Providers often redact the recipient; any of these may be null.
     *
     * @param listUnsubscribe the URIs of the original's List-Unsubscribe header, in order
     */
    record Original(String from, String to, String messageId, String subject, List<String> listUnsubscribe, String providerRecipient) {
        public Original {
            listUnsubscribe = List.copyOf(listUnsubscribe);
        }

        public static final Original NONE = new Original(null, null, null, null, List.of(), null);
    }

    /**
     * An ARF feedback report (RFC 5965): a recipient marked the message as spam (feedback type {@code abuse}), or
     * reported fraud, a virus, something else, or that it is not spam.
     *
     * @param recipients the Original-Rcpt-To addresses, lower case (often absent: providers redact them)
     */
    record Complaint(String feedbackType, List<String> recipients, String originalMailFrom, String reportingMta, String userAgent,
                     String arrivalDate, Original original) implements FeedbackReport {
        public Complaint {
            recipients = List.copyOf(recipients);
        }

        /** Every type but {@code not-spam} is a complaint against the sender. */
        public boolean isComplaint() {
            return !"not-spam".equals(feedbackType);
        }
    }

    /** A delivery status notification (RFC 3464), one status per recipient. */
    record Bounce(List<RecipientStatus> recipients, String reportingMta, Original original) implements FeedbackReport {
        public Bounce {
            recipients = List.copyOf(recipients);
        }
    }

    /**
     * What a DSN says of one recipient.
     *
     * @param action     failed, delayed, delivered, relayed or expanded
     * @param status     the RFC 3463 status code, e.g. {@code 5.1.1}
     * @param diagnostic the remote server's own words, when given
     */
    record RecipientStatus(String address, String action, String status, String diagnostic) {

        /** A permanent failure (5.x.x): the address does not take mail. */
        public boolean hard() {
            return "failed".equals(action.toLowerCase(Locale.ROOT)) && status.startsWith("5");
        }

        /** A transient failure (4.x.x): a full mailbox, a server that is down; delayed or failed. */
        public boolean soft() {
            String act = action.toLowerCase(Locale.ROOT);
            return status.startsWith("4") && (act.equals("failed") || act.equals("delayed"));
        }
    }

    /** An auto-reply or out-of-office message: neither a complaint nor a bounce. */
    record AutoReply(String sign) implements FeedbackReport {
    }
}
