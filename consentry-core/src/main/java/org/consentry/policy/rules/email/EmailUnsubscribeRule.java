package org.consentry.policy.rules.email;

import java.util.List;
import java.util.Locale;
import org.consentry.content.Link;
import org.consentry.policy.Channel;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.TenantSettings;

/**
 * Commercial email carries a working way to unsubscribe (CAN-SPAM, 15 U.S.C. 7704(a)(3)): an unsubscribe
 * link in the body. A bulk sender (5,000 or more emails a day) also sends RFC 8058 one-click headers, as
 * Gmail and Yahoo require: {@code List-Unsubscribe} with an https URI, and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}.
 */
public final class EmailUnsubscribeRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.marketing(Channel.EMAIL);
    private static final RuleInfo INFO = new RuleInfo("email/unsubscribe",
            "Marketing email has an unsubscribe link; bulk senders (5,000+ a day) also send RFC 8058 one-click List-Unsubscribe headers.",
            "15 U.S.C. 7704(a)(3)-(5); RFC 8058; Gmail and Yahoo bulk sender requirements (2024)",
            List.of(ReasonCode.EMAIL_UNSUBSCRIBE_MISSING), List.of())
            .because("CAN-SPAM requires a working way to unsubscribe from commercial email, and mailbox providers "
                    + "require one-click unsubscribe from bulk senders.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (request.channel() != Channel.EMAIL || !request.purpose().isMarketing()) {
            return Outcome.pass();
        }
        if (!hasUnsubscribeLink(request, facts)) {
            return Outcome.block(INFO.reason("This marketing email has no unsubscribe link in its body.",
                    Evidence.of("bulk_sender", facts.tenant().settings().bulkEmailSender())));
        }
        TenantSettings settings = facts.tenant().settings();
        if (!settings.bulkEmailSender()) {
            return Outcome.pass();
        }
        String listUnsubscribe = EmailHeaders.get(request.headers(), "List-Unsubscribe");
        String post = EmailHeaders.get(request.headers(), "List-Unsubscribe-Post");
        boolean https = listUnsubscribe != null && listUnsubscribe.toLowerCase(Locale.ROOT).contains("<https://");
        boolean oneClick = post != null && post.strip().equalsIgnoreCase("List-Unsubscribe=One-Click");
        if (https && oneClick) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason("A bulk sender (" + settings.emailDailyVolume() + " emails a day) must send "
                        + (https ? "" : "List-Unsubscribe with an https URI") + (!https && !oneClick ? " and " : "")
                        + (oneClick ? "" : "List-Unsubscribe-Post: List-Unsubscribe=One-Click") + " (RFC 8058).",
                Evidence.of("list_unsubscribe", listUnsubscribe, "list_unsubscribe_post", post,
                        "email_daily_volume", settings.emailDailyVolume())));
    }

    /**
     * True when the body shows a link that says it unsubscribes, or shows a link and says "unsubscribe" around
     * it ("click here to unsubscribe"). Only what the reader sees counts: a link or a word in the subject line, in
     * an HTML comment or in a tag's attribute is no way to unsubscribe.
     */
    private static boolean hasUnsubscribeLink(SendRequest request, Facts facts) {
        if (facts.content().links().isEmpty()) {
            return false;
        }
        EmailBody shown = EmailBody.of(request, facts.content());
        boolean anyShown = false;
        for (Link link : facts.content().links()) {
            if (!shown.html().contains(link.url())) {
                continue; // in the subject line or inside a comment
            }
            anyShown = true;
            String url = link.url().toLowerCase(Locale.ROOT);
            String text = link.displayText() == null ? "" : link.displayText().toLowerCase(Locale.ROOT);
            if (mentionsUnsubscribe(url) || mentionsUnsubscribe(text)) {
                return true;
            }
        }
        return anyShown && mentionsUnsubscribe(shown.text());
    }

    private static boolean mentionsUnsubscribe(String text) {
        return text.contains("unsubscribe") || text.contains("opt out") || text.contains("opt-out") || text.contains("optout")
                || text.contains("email preferences") || text.contains("manage preferences");
    }
}
