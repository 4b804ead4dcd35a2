package org.consentry.policy.rules.suppression;

import java.util.List;
import org.consentry.consent.EmailRecord;
import org.consentry.policy.Channel;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;

/**
 * An address that complained about the tenant's email (an ARF report from its mailbox provider, the spam-report
 * page), that bounced hard, or that soft-bounced past the limit, gets no more email from that tenant, whatever
 * the purpose: the report is the evidence. Mailbox providers' sender requirements (Gmail and Yahoo, 2024) keep
 * complaint rates under 0.3% and expect hard bounces removed at once.
 */
public final class EmailSuppressedRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.channels(Channel.EMAIL);
    private static final RuleInfo INFO = new RuleInfo("suppression/email-feedback",
            "No email to an address that complained about the tenant's email, bounced hard, or soft-bounced past the limit.",
            "RFC 5965 (ARF); RFC 3464 (DSN); Gmail and Yahoo bulk sender requirements (2024)", List.of(ReasonCode.SUPPRESSED), List.of())
            .because("Mailing someone who reported the sender's mail as spam, or an address that does not exist, is what "
                    + "mailbox providers punish: they block the sender's domain for everyone.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (request.channel() != Channel.EMAIL || !facts.recipient().valid() || !facts.knows(FactSource.LEDGER)) {
            return Outcome.pass();
        }
        EmailRecord.Suppression suppression = facts.contact().email().suppression();
        if (suppression == null) {
            return Outcome.pass();
        }
        String why = switch (suppression.reason()) {
            case "complaint" -> "complained about this account's email (marked it as spam)";
            case "hard_bounce" -> "bounced permanently";
            case "soft_bounce_limit" -> "bounced temporarily too many times";
            default -> "was suppressed (" + suppression.reason() + ")";
        };
        return Outcome.block(INFO.reason(facts.recipient().key() + " " + why + " at " + suppression.at() + ".",
                Evidence.of("address", facts.recipient().key(), "reason", suppression.reason(), "at", suppression.at().toString(),
                        "reporter", suppression.reporter(), "detail", suppression.detail())));
    }
}
