package org.consentry.policy.rules.suppression;

import java.util.List;
import org.consentry.consent.ListOptOut;
import org.consentry.consent.OptOut;
import org.consentry.content.SalesLanguage;
import org.consentry.ledger.LedgerTimes;
import org.consentry.policy.Channel;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/**
 * A recipient who opted out of a channel with this tenant gets nothing more on it, whatever the purpose:
 * an SMS opt-out covers MMS, a voice opt-out every kind of call, and an opt-out of all covers everything
 * (47 CFR 64.1200(a)(10) and (d)(3); CAN-SPAM, 15 U.S.C. 7704(a)(4)), except the one confirmation of the
 * opt-out within five minutes of it, and only while it carries no marketing (47 CFR 64.1200(a)(12); FCC 24-18):
 * a confirmation with sales words, prices, percentages or links ({@link SalesLanguage}) is blocked. A recipient who left one email list (RFC 8058 one-click, the unsubscribe
 * page) gets no more email sent with that list as its {@code campaign}.
 */
public final class OptedOutRule implements Rule {

    private static final String CONFIRMATION_REGULATION = "47 CFR 64.1200(a)(12)";
    private static final RuleInfo INFO = new RuleInfo("suppression/opted-out",
            "Nothing is sent on a channel the recipient opted out of with this tenant (an SMS opt-out covers MMS; voice covers IVR and RVM), nor email of a list (campaign) it left; the one confirmation of an opt-out carries no marketing.",
            "47 CFR 64.1200(a)(10), (a)(12), (d)(3); 15 U.S.C. 7704(a)(4)", List.of(ReasonCode.OPTED_OUT), List.of(SalesLanguage.FILE))
            .because("Someone who said stop must not hear from the sender again on that channel; every further "
                    + "message is a separate violation ($500-$1,500 each under the TCPA).");

    private final SalesLanguage salesLanguage;

    public OptedOutRule(SalesLanguage salesLanguage) {
        this.salesLanguage = salesLanguage;
    }

    public static OptedOutRule load() {
        return new OptedOutRule(SalesLanguage.load());
    }

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!facts.recipient().valid() || !facts.knows(FactSource.LEDGER)) {
            return Outcome.pass();
        }
        OptOut optOut = facts.contact().optOut(request.channel().optOutScope());
        if (optOut == null && request.channel() == Channel.EMAIL && request.campaign() != null) {
            ListOptOut left = facts.contact().listOptOuts().get(request.campaign());
            if (left != null) {
                return Outcome.block(INFO.reason(facts.recipient().key() + " unsubscribed from the list '" + left.list() + "' at "
                        + LedgerTimes.format(left.at()) + " (via " + left.via() + ").", Evidence.of("address", facts.recipient().key(), "scope", "list",
                        "list", left.list(), "opted_out_at", LedgerTimes.format(left.at()), "via", left.via())));
            }
        }
        if (optOut == null) {
            return Outcome.pass();
        }
        if (request.purpose() == Purpose.OPT_OUT_CONFIRMATION
                && OptOutConfirmation.allowed(optOut, facts.contact(), request.channel(), request.sendAt())) {
            List<String> sales = facts.content().derive(salesLanguage, facts.tenant().brand(),
                    content -> List.copyOf(salesLanguage.find(content, facts.tenant().brand())));
            if (sales.isEmpty()) {
                return Outcome.pass();
            }
            return Outcome.block(INFO.reason("The confirmation of the opt-out by " + facts.recipient().key() + " at " + LedgerTimes.format(optOut.at())
                            + " may carry no marketing, and this one does (" + String.join(", ", sales) + "); under "
                            + CONFIRMATION_REGULATION + " it is then a message like any other to a recipient who opted out.",
                    Evidence.of("address", facts.recipient().key(), "scope", optOut.scope().wireName(),
                            "opted_out_at", LedgerTimes.format(optOut.at()), "via", optOut.via(), "matched_terms", sales,
                            "regulation", CONFIRMATION_REGULATION)));
        }
        return Outcome.block(INFO.reason(
                facts.recipient().key() + " opted out of " + optOut.scope().wireName() + " at " + LedgerTimes.format(optOut.at())
                        + " (via " + optOut.via() + ").",
                Evidence.of("address", facts.recipient().key(), "scope", optOut.scope().wireName(),
                        "opted_out_at", LedgerTimes.format(optOut.at()), "via", optOut.via())));
    }
}
