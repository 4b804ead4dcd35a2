package org.consentry.policy.rules.registry;

import java.util.List;
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
 * A seller keeps its own do-not-call list and honours it for telemarketing calls and texts; no business
 * relationship exempts a number on it (47 CFR 64.1200(d)(3), (d)(6)).
 */
public final class DncInternalRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.marketing(RuleScope.PHONE);
    private static final RuleInfo INFO = new RuleInfo("registry/internal-dnc",
            "No marketing call or text to a number on the tenant's own Do-Not-Call list.",
            "47 CFR 64.1200(d)(3)", List.of(ReasonCode.DNC_INTERNAL), List.of())
            .because("A company must keep and honour its own do-not-call list; a request not to be called binds the "
                    + "seller for good.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!request.purpose().isMarketing() || !request.channel().isPhone() || !facts.recipient().valid()
                || !facts.knows(FactSource.LEDGER) || facts.contact().internalDncSince() == null) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason(
                facts.recipient().key() + " is on this tenant's Do-Not-Call list since " + facts.contact().internalDncSince() + ".",
                Evidence.of("number", facts.recipient().key(), "listed_at", facts.contact().internalDncSince().toString())));
    }
}
