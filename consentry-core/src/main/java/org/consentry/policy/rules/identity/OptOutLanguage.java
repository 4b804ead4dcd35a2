package org.consentry.policy.rules.identity;

import java.util.ArrayList;
import java.util.List;
import org.consentry.content.MessageContent;
import org.consentry.policy.Channel;
import org.consentry.policy.SendRequest;
import org.consentry.ruledata.RuleDataFile;
import org.consentry.tenant.TenantSettings;

/**
 * The opt-out instructions of {@value #FILE}: whether a text or a call script carries them, and the line a
 * tenant with {@code auto_append_opt_out} gets appended to its marketing texts instead of a block.
 */
public final class OptOutLanguage {

    public static final String FILE = "/org/consentry/rules/opt-out-phrases.tsv";
    public static final String APPENDED = "Reply STOP to opt out.";

    private final List<String> text;
    private final List<String> call;

    private OptOutLanguage(List<String> text, List<String> call) {
        this.text = List.copyOf(text);
        this.call = List.copyOf(call);
    }

    public static OptOutLanguage load() {
        List<String> text = new ArrayList<>();
        List<String> call = new ArrayList<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(FILE).rows()) {
            switch (row.get("kind")) {
                case "text": text.add(row.get("phrase")); break;
                case "call": call.add(row.get("phrase")); break;
                default: throw row.problem("kind", "'" + row.get("kind") + "' is not text or call");
            }
        }
        return new OptOutLanguage(text, call);
    }

    /**
     * True when the channel is bound: marketing texts, and marketing IVR, ringless voicemail and voice calls made
     * with a prerecorded or artificial (AI) voice, which 64.1200(b)(3) binds as much as IVR; a live call is not.
     */
    public static boolean binds(SendRequest request) {
        return request.purpose().isMarketing()
                && (request.channel().isText() || request.channel() == Channel.IVR || request.channel() == Channel.RVM
                        || (request.channel() == Channel.VOICE && (request.prerecorded() || request.aiVoice())));
    }

    /** The phrase that tells the recipient how to opt out, or null. */
    public String found(SendRequest request, MessageContent content) {
        List<String> phrases = request.channel().isText() ? text : call;
        String lower = content.lowerCase();
        for (String phrase : phrases) {
            for (int at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
                if (standsAlone(lower, at, at + phrase.length())) {
                    return phrase;
                }
            }
        }
        return null;
    }

    /**
     * True when the text from {@code start} to {@code end} is whole words: "nonstop sms deals" and "non-stop to end
     * the season" hold "stop sms" and "stop to end" but tell no one how to opt out.
     */
    private static boolean standsAlone(String text, int start, int end) {
        boolean before = start == 0 || !(Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '-');
        // a digit may follow: "stop au 36" is the start of a short code ("STOP au 36180")
        boolean after = end == text.length() || !Character.isLetter(text.charAt(end));
        return before && after;
    }

    /**
     * The request as it will be sent: for a tenant that asked for it, a marketing text without opt-out
     * instructions gets {@value #APPENDED} at the end; anything else is unchanged.
     */
    public SendRequest complete(SendRequest request, TenantSettings settings, MessageContent content) {
        if (!settings.autoAppendOptOut() || !request.purpose().isMarketing() || !request.channel().isText()
                || found(request, content) != null) {
            return request;
        }
        String body = request.body() == null ? "" : request.body().stripTrailing();
        return request.withBody(body.isEmpty() ? APPENDED : body + (body.endsWith(".") || body.endsWith("!") || body.endsWith("?") ? " " : ". ") + APPENDED);
    }
}
