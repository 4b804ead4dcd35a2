package org.consentry.feedback;

import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.stream.Field;

/**
 * The signs of mail written by a machine that is not a report: an auto-reply (RFC 3834 {@code Auto-Submitted:
 * auto-replied}, the headers and subjects mail servers use for out-of-office answers), which records nothing, and a
 * bounce in plain text (from MAILER-DAEMON or postmaster, or with a delivery-failure subject), which cannot be read
 * for its recipients and must be refused, never taken for an auto-reply. {@code Auto-Submitted: auto-generated} marks
 * bounces and notifications as well as auto-replies, so it is no sign of either.
 */
final class AutomaticMail {

    private static final List<String> AUTO_REPLY_SUBJECTS = List.of("out of office", "automatic reply", "auto:", "autoreply",
            "auto-reply", "auto reply", "abwesenheitsnotiz", "réponse automatique", "respuesta automática", "away from the office");
    private static final List<String> DAEMONS = List.of("mailer-daemon", "mailerdaemon", "mail-daemon", "postmaster");
    private static final List<String> BOUNCE_SUBJECTS = List.of("undeliverable", "undelivered mail", "undeliverable mail",
            "mail delivery failed", "delivery failure", "delivery status notification", "failure notice", "returned mail",
            "delivery has failed", "could not be delivered", "non-delivery", "nondeliverable", "delivery failed",
            "mail delivery subsystem", "unzustellbar", "non remis");

    private AutomaticMail() {
    }

    /** What shows a message to be an auto-reply, or null. */
    static String autoReplySign(Message message) {
        String submitted = header(message, "Auto-Submitted");
        if (submitted != null) {
            String keyword = DeliveryStatusFields.uncommented(submitted).split(";", 2)[0].strip();
            if (keyword.equalsIgnoreCase("auto-replied")) {
                return "Auto-Submitted: " + submitted.strip();
            }
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress")) {
            if (header(message, name) != null) {
                return name + ": " + header(message, name).strip();
            }
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && precedence.strip().equalsIgnoreCase("auto_reply")) {
            return "Precedence: auto_reply";
        }
        String subject = message.getSubject();
        if (subject != null) {
            String lower = subject.strip().toLowerCase(Locale.ROOT);
            for (String start : AUTO_REPLY_SUBJECTS) {
                if (lower.startsWith(start)) {
                    return "Subject: " + subject.strip();
                }
            }
        }
        return null;
    }

    /** What shows a message to be a bounce (not in DSN form), or null. */
    static String bounceSign(Message message) {
        String from = from(message);
        if (from != null) {
            String local = from.substring(0, Math.max(0, from.lastIndexOf('@'))).toLowerCase(Locale.ROOT);
            if (DAEMONS.contains(local)) {
                return "From " + from;
            }
        }
        String subject = message.getSubject();
        if (subject != null) {
            String lower = subject.toLowerCase(Locale.ROOT);
            for (String words : BOUNCE_SUBJECTS) {
                if (lower.contains(words)) {
                    return "Subject: " + subject.strip();
                }
            }
        }
        return null;
    }

    private static String from(Message message) {
        try {
            return message.getFrom() == null || message.getFrom().isEmpty() ? null : ((Mailbox) message.getFrom().get(0)).getAddress();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String header(Message message, String name) {
        Field field = message.getHeader().getField(name);
        return field == null ? null : field.getBody();
    }
}
