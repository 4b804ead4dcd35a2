package org.consentry.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.consentry.feedback.FeedbackReport.RecipientStatus;

/**
 * The fields of a {@code message/delivery-status} part (RFC 3464 section 2): a per-message group, then one group per
 * recipient, each with its Final-Recipient, Action and Status. A group is a recipient's when it names one (or holds an
 * Action or Status), wherever it sits: some servers leave out the per-message group. A recipient group that cannot be read is refused,
 * naming the group and the field: a status that is not understood must never pass as "nothing to record".
 */
final class DeliveryStatusFields {

    /** The action-values of RFC 3464 section 2.3.3. */
    static final Set<String> ACTIONS = Set.of("failed", "delayed", "delivered", "relayed", "expanded");

    private DeliveryStatusFields() {
    }

    /** The Reporting-MTA of the per-message group, or null when the report has none. */
    static String reportingMta(List<Map<String, List<String>>> groups) {
        for (Map<String, List<String>> group : groups) {
            if (!isRecipientGroup(group) && group.containsKey("reporting-mta")) {
                return FeedbackParser.first(group, "reporting-mta");
            }
        }
        return null;
    }

    /** Every recipient group, in order, wherever it sits (some servers leave out the per-message group). */
    static List<RecipientStatus> recipients(List<Map<String, List<String>>> groups) {
        List<RecipientStatus> recipients = new ArrayList<>();
        for (Map<String, List<String>> group : groups) {
            if (isRecipientGroup(group)) {
                recipients.add(recipient(group, recipients.size() + 1));
            }
        }
        return recipients;
    }

    /** A group that names a recipient, or says what became of one (a recipient group whose recipient is missing). */
    private static boolean isRecipientGroup(Map<String, List<String>> group) {
        return group.containsKey("final-recipient") || group.containsKey("original-recipient") || group.containsKey("action")
                || group.containsKey("status");
    }

    private static RecipientStatus recipient(Map<String, List<String>> group, int number) {
        String recipient = FeedbackParser.address(FeedbackParser.first(group, "final-recipient"));
        if (recipient == null) {
            recipient = FeedbackParser.address(FeedbackParser.first(group, "original-recipient"));
        }
        String action = FeedbackParser.first(group, "action");
        String status = FeedbackParser.first(group, "status");
        if (recipient == null || action == null || status == null) {
            throw new FeedbackFormatException("message/delivery-status", "recipient group " + number
                    + " needs Final-Recipient, Action and Status (RFC 3464 section 2.3)");
        }
        String which = "recipient group " + number + " (" + recipient + ")";
        String act = uncommented(action).toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(act)) {
            throw new FeedbackFormatException("Action", which + ": '" + action.strip() + "' is not an action of RFC 3464 section 2.3.3"
                    + " (failed, delayed, delivered, relayed or expanded); nothing was recorded");
        }
        String code = uncommented(status).split("\\s", 2)[0];
        if (!code.matches("[245]\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new FeedbackFormatException("Status", which + ": '" + status.strip() + "' is not a status code such as 5.1.1 (RFC 3463)");
        }
        return new RecipientStatus(recipient, act, code, FeedbackParser.first(group, "diagnostic-code"));
    }

    /** A field value without its RFC 5322 comments (parenthesised, nested, with quoted pairs), stripped. */
    static String uncommented(String value) {
        StringBuilder text = new StringBuilder(value.length());
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && depth > 0) {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                text.append(c);
            }
        }
        return text.toString().strip();
    }
}
