package org.consentry.delivery.smpp;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentry.delivery.Reports;

/**
 * An SMSC delivery receipt: the deliver_sm an SMSC sends back (esm_class "SMSC delivery receipt") about a message it took,
 * in the text format of SMPP 3.4 Appendix B ({@code id:... sub:... dlvrd:... submit date:... done date:... stat:DELIVRD
 * err:000 text:...}). The id is the receipted_message_id TLV when the SMSC gives one, else the text's.
 */
record Receipt(String messageId, String stat, String err) {

    private static final Pattern ID = Pattern.compile("(?i)(?:^|\\s)id:(\\S+)");
    private static final Pattern STAT = Pattern.compile("(?i)(?:^|\\s)stat:(\\S+)");
    private static final Pattern ERR = Pattern.compile("(?i)(?:^|\\s)err:(\\S+)");

    /** The receipt a text holds, when it names a message and its state. */
    static Optional<Receipt> read(String text, String receiptedMessageId) {
        String receipted = receiptedMessageId == null ? "" : receiptedMessageId.replace("\0", "").strip();
        String id = receipted.isEmpty() ? field(ID, text) : receipted;
        String stat = field(STAT, text);
        if (id == null || stat == null) {
            return Optional.empty();
        }
        String err = field(ERR, text);
        return Optional.of(new Receipt(id, stat.toUpperCase(Locale.ROOT), err == null ? "" : err));
    }

    private static String field(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** DELIVRD is delivered; UNDELIV, EXPIRED, REJECTD and DELETED failed; anything else (ENROUTE, ACCEPTD, UNKNOWN) pending. */
    Reports.Outcome outcome() {
        return switch (stat) {
            case "DELIVRD" -> Reports.Outcome.DELIVERED;
            case "UNDELIV", "EXPIRED", "REJECTD", "DELETED" -> Reports.Outcome.FAILED;
            default -> Reports.Outcome.PENDING;
        };
    }

    /** The receipt's own words, kept in the message's history. */
    String detail() {
        return "stat:" + stat + " err:" + err;
    }
}
