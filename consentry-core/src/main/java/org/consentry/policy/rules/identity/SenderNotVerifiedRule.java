package org.consentry.policy.rules.identity;

import java.util.List;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.SenderStatus;

/**
 * A tenant sends only from senders verified for it: its own phone numbers and sender IDs (no spoofed
 * caller ID, Truth in Caller ID Act, 47 U.S.C. 227(e)) and its own email domains (CAN-SPAM, 15 U.S.C. 7704(a)(1)).
 */
public final class SenderNotVerifiedRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo("identity/verified-sender",
            "The 'from' number, sender ID or email domain must be verified for the tenant.",
            "47 U.S.C. 227(e); 15 U.S.C. 7704(a)(1)", List.of(ReasonCode.SENDER_NOT_VERIFIED), List.of())
            .because("Spoofed or borrowed caller IDs and sender domains defraud recipients and break the chain of "
                    + "responsibility; carriers and the Truth in Caller ID Act require the sender to own what it "
                    + "shows.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (facts.sender() == SenderStatus.VERIFIED || !facts.knows(FactSource.LEDGER)) {
            return Outcome.pass();
        }
        String state = facts.sender() == SenderStatus.PENDING ? "is still awaiting verification" : "is not a sender of this account";
        return Outcome.block(INFO.reason(
                "'" + request.from() + "' " + state + "; only verified senders may be used.",
                Evidence.of("from", request.from(), "sender_status", facts.sender().wireName())));
    }
}
