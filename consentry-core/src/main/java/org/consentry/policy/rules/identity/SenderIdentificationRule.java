package org.consentry.policy.rules.identity;

import java.util.List;
import java.util.Locale;
import org.consentry.policy.Channel;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;

/**
 * Marketing names who sends it: the brand at the start of a prerecorded message (47 CFR 64.1200(b)(1)),
 * in every text (CTIA), in an email's From name or body. A live call (no script given) is the agent's to
 * identify and is not checked.
 */
public final class SenderIdentificationRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.marketing(RuleScope.ALL_CHANNELS);
    private static final RuleInfo INFO = new RuleInfo("identity/sender-identification",
            "Marketing names the tenant's brand: in the text, the prerecorded script, or the email's From name or body.",
            "47 CFR 64.1200(b)(1), (d)(4); CTIA Messaging Principles and Best Practices 5.1",
            List.of(ReasonCode.SENDER_IDENTIFICATION_MISSING), List.of())
            .because("Recipients must know who is contacting them; telemarketing must identify the seller, and "
                    + "carriers require the brand in every marketing text.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!request.purpose().isMarketing()) {
            return Outcome.pass();
        }
        if (request.channel() == Channel.VOICE && !request.prerecorded() && !request.aiVoice()) {
            return Outcome.pass();
        }
        String brand = facts.tenant().brand().toLowerCase(Locale.ROOT);
        if (names(facts.content().lowerCase(), brand)) {
            return Outcome.pass();
        }
        int mailbox = request.from().lastIndexOf('<');
        if (request.channel() == Channel.EMAIL && mailbox > 0 && names(request.from().substring(0, mailbox).toLowerCase(Locale.ROOT), brand)) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason("This marketing " + request.channel().wireName() + " does not name the brand '"
                + facts.tenant().brand() + "'" + (facts.content().isEmpty() ? " (no text or script was given to check)" : "") + ".",
                Evidence.of("brand", facts.tenant().brand(), "channel", request.channel().wireName())));
    }

    /**
     * True when the text names the brand as a word of its own: the brand "Ace" is not named by "our place" or
     * "acetone", nor "A" by any text with an a in it. Brands with signs in them ("H&M", "7-Eleven") are matched
     * as they are written; only letters and digits around them make another word.
     */
    static boolean names(String text, String brand) {
        if (brand.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(brand); at >= 0; at = text.indexOf(brand, at + 1)) {
            int end = at + brand.length();
            if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }
}
