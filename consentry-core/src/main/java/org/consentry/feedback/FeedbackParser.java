package org.consentry.feedback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.consentry.feedback.FeedbackReport.AutoReply;
import org.consentry.feedback.FeedbackReport.Bounce;
import org.consentry.feedback.FeedbackReport.Complaint;
import org.consentry.feedback.FeedbackReport.Original;
import org.consentry.feedback.FeedbackReport.RecipientStatus;

/**
 * Reads ARF feedback reports (RFC 5965) and delivery status notifications (RFC 3464, and RFC 6533's
 * internationalised forms) with mime4j. A report is a {@code multipart/report} whose machine-readable part
 * ({@code message/feedback-report}, {@code message/delivery-status}) is a block of header-like fields; the
 * original message follows as {@code message/rfc822} or {@code text/rfc822-headers}. A message that is no such
 * report but carries the signs of an auto-reply ({@link AutomaticMail}: RFC 3834 {@code Auto-Submitted: auto-replied},
 * the headers and subjects mail servers use for out-of-office answers) is an {@link AutoReply}; a bounce that is not in
 * DSN form is refused, as anything else is. Anything else is refused with the part at
 * fault named; no input makes it throw anything but {@link FeedbackFormatException}.
 */
public final class FeedbackParser {

    /** Reports larger than this are refused: a report carries one message, usually its headers only. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final MimeConfig LIMITS = MimeConfig.custom().setMaxLineLen(100_000).setMaxHeaderCount(2_000)
            .setMaxHeaderLen(200_000).setMaxContentLen(MAX_BYTES).build();

    public FeedbackReport parseArf(byte[] raw) {
        Message message = parse(raw);
        Multipart report = report(message, "feedback-report");
        if (report == null) {
            return autoReplyOr(message, "Content-Type", "not an ARF feedback report: expected multipart/report; report-type=feedback-report");
        }
        Entity fieldsPart = part(report, "message/feedback-report");
        if (fieldsPart == null) {
            throw new FeedbackFormatException("message/feedback-report", "the report has no message/feedback-report part");
        }
        Map<String, List<String>> fields = fieldGroups(text(fieldsPart)).get(0);
        String type = first(fields, "feedback-type");
        if (type == null || type.isBlank()) {
            throw new FeedbackFormatException("Feedback-Type", "the feedback report names no Feedback-Type (RFC 5965 section 3.1)");
        }
        List<String> recipients = new ArrayList<>();
        for (String value : fields.getOrDefault("original-rcpt-to", List.of())) {
            String address = address(value);
            if (address != null) {
                recipients.add(address);
            }
        }
        return new Complaint(type.strip().toLowerCase(Locale.ROOT), recipients, address(first(fields, "original-mail-from")),
                first(fields, "reporting-mta"), first(fields, "user-agent"), first(fields, "arrival-date"), original(report));
    }

    public FeedbackReport parseDsn(byte[] raw) {
        Message message = parse(raw);
        Multipart report = report(message, "delivery-status");
        if (report == null) {
            report = report(message, "global-delivery-status");
        }
        if (report == null) {
            return autoReplyOr(message, "Content-Type", "not a delivery status notification: expected multipart/report; report-type=delivery-status");
        }
        Entity statusPart = part(report, "message/delivery-status");
        if (statusPart == null) {
            statusPart = part(report, "message/global-delivery-status");
        }
        if (statusPart == null) {
            throw new FeedbackFormatException("message/delivery-status", "the report has no message/delivery-status part");
        }
        List<Map<String, List<String>>> groups = fieldGroups(text(statusPart));
        String reportingMta = DeliveryStatusFields.reportingMta(groups);
        List<RecipientStatus> recipients = DeliveryStatusFields.recipients(groups);
        if (recipients.isEmpty()) {
            throw new FeedbackFormatException("message/delivery-status", "the report names no recipient");
        }
        return new Bounce(recipients, reportingMta, original(report));
    }

    /** "unsubscribe TOKEN", as the mailto link of a List-Unsubscribe header writes the subject (RFC 2369). */
    private static final java.util.regex.Pattern UNSUBSCRIBE_SUBJECT =
            java.util.regex.Pattern.compile("(?i)\\bunsubscribe\\s+([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

    /**
     * The token of an unsubscribe request mailed to the mailbox a List-Unsubscribe header offers ({@code
     * mailto:...?subject=unsubscribe%20TOKEN}): the subject as the recipient's mail client sent it, perhaps encoded
     * (RFC 2047) or behind a "Re:". Whether the token is genuine is for its signer to say.
     * @throws FeedbackFormatException when the message cannot be read or its subject carries no token
     */
    public String parseUnsubscribe(byte[] raw) {
        Message message = parse(raw);
        String subject = message.getSubject();
        java.util.regex.Matcher token = UNSUBSCRIBE_SUBJECT.matcher(subject == null ? "" : subject);
        if (!token.find()) {
            throw new FeedbackFormatException("Subject", "the subject carries no unsubscribe token: expected 'unsubscribe TOKEN', as the "
                    + "mailto link of List-Unsubscribe writes it" + (subject == null ? " (the message has no subject)" : ""));
        }
        return token.group(1);
    }

    private static Message parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new FeedbackFormatException("body", "the report is empty; send the whole message as message/rfc822");
        }
        if (raw.length > MAX_BYTES) {
            throw new FeedbackFormatException("body", "the report is larger than " + MAX_BYTES + " bytes");
        }
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(LIMITS);
        try {
            return builder.parseMessage(new ByteArrayInputStream(raw));
        } catch (IOException | RuntimeException e) {
            throw new FeedbackFormatException("body", "not a readable MIME message: " + e.getMessage());
        }
    }

    /** The report's parts when the message is a multipart/report of this report type. */
    private static Multipart report(Message message, String reportType) {
        if (!"multipart/report".equalsIgnoreCase(message.getMimeType()) || !(message.getBody() instanceof Multipart)) {
            return null;
        }
        Field field = message.getHeader().getField("Content-Type");
        String type = field instanceof ContentTypeField ? ((ContentTypeField) field).getParameter("report-type") : null;
        return type != null && type.equalsIgnoreCase(reportType) ? (Multipart) message.getBody() : null;
    }

    private static FeedbackReport autoReplyOr(Message message, String field, String problem) {
        if ("multipart/report".equalsIgnoreCase(message.getMimeType())) {
            Field type = message.getHeader().getField("Content-Type");
            String reportType = type instanceof ContentTypeField ? ((ContentTypeField) type).getParameter("report-type") : null;
            throw new FeedbackFormatException(field, problem + " (this one is report-type=" + reportType + ")");
        }
        String bounce = AutomaticMail.bounceSign(message);
        if (bounce != null) {
            throw new FeedbackFormatException(field, problem + "; this looks like a bounce that is not in that form (" + bounce
                    + "), whose recipients cannot be read: nothing was recorded");
        }
        String sign = AutomaticMail.autoReplySign(message);
        if (sign != null) {
            return new AutoReply(sign);
        }
        throw new FeedbackFormatException(field, problem + "; nothing was recorded");
    }

    private static Entity part(Multipart multipart, String mimeType) {
        for (Entity part : multipart.getBodyParts()) {
            if (mimeType.equalsIgnoreCase(part.getMimeType())) {
                return part;
            }
        }
        return null;
    }

    private static String text(Entity part) {
        Body body = part.getBody();
        if (!(body instanceof SingleBody)) {
            throw new FeedbackFormatException(part.getMimeType(), "the " + part.getMimeType() + " part is not a block of fields");
        }
        try (InputStream in = ((SingleBody) body).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FeedbackFormatException(part.getMimeType(), "the " + part.getMimeType() + " part cannot be read: " + e.getMessage());
        }
    }

    /** What the report shows of the original message: a whole message/rfc822 part, or its headers alone. */
    private static Original original(Multipart report) {
        for (Entity part : report.getBodyParts()) {
            String type = part.getMimeType() == null ? "" : part.getMimeType().toLowerCase(Locale.ROOT);
            if ((type.equals("message/rfc822") || type.equals("message/global")) && part.getBody() instanceof Message) {
                Message original = (Message) part.getBody();
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (Field field : original.getHeader().getFields()) {
                    headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(field.getBody());
                }
                String from = original.getFrom() == null || original.getFrom().isEmpty() ? address(first(headers, "from"))
                        : address(((Mailbox) original.getFrom().get(0)).getAddress());
                return original(headers, from);
            }
            if (type.equals("text/rfc822-headers") || type.equals("message/global-headers")
                    || ((type.equals("message/rfc822") || type.equals("message/global")) && part.getBody() instanceof SingleBody)) {
                Map<String, List<String>> headers = fieldGroups(text(part)).get(0);
                return original(headers, address(first(headers, "from")));
            }
        }
        return Original.NONE;
    }

    private static Original original(Map<String, List<String>> headers, String from) {
        return new Original(from, address(first(headers, "to")), strip(first(headers, "message-id")), strip(first(headers, "subject")),
                angleBracketed(first(headers, "list-unsubscribe")), address(first(headers, "x-hmxmroriginalrecipient")));
    }

    /**
     * Header-like fields in groups separated by blank lines (RFC 3464 section 2.1), names lower case, folded
     * lines unfolded. There is always at least one group.
     */
    static List<Map<String, List<String>>> fieldGroups(String text) {
        List<Map<String, List<String>>> groups = new ArrayList<>();
        Map<String, List<String>> group = new LinkedHashMap<>();
        String name = null;
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (line.isBlank()) {
                if (!group.isEmpty()) {
                    groups.add(group);
                    group = new LinkedHashMap<>();
                }
                name = null;
            } else if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                List<String> values = group.get(name);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    name = null;
                    continue;
                }
                name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                group.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
            }
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        if (groups.isEmpty()) {
            groups.add(Map.of());
        }
        return groups;
    }

    static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The email address in a field value: {@code rfc822; ana@example.com}, {@code Ana <ana@example.com>},
     * {@code <ana@example.com>}, {@code utf-8; ana@b\x{FC}cher.example} ({@link ReportedAddress}); lower case; null
     * when there is none (a redacted recipient, say).
     */
    static String address(String value) {
        return ReportedAddress.read(value);
    }

    private static List<String> angleBracketed(String value) {
        List<String> uris = new ArrayList<>();
        if (value == null) {
            return uris;
        }
        int from = 0;
        while (true) {
            int open = value.indexOf('<', from);
            int close = open < 0 ? -1 : value.indexOf('>', open);
            if (open < 0 || close < 0) {
                return uris;
            }
            uris.add(value.substring(open + 1, close).strip());
            from = close + 1;
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
