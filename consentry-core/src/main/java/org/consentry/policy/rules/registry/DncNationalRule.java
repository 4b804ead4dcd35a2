package org.consentry.policy.rules.registry;

import java.util.List;
import java.util.Set;
import org.consentry.ledger.LedgerTimes;
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
 * No telephone solicitation to a number on the national Do-Not-Call registry (47 CFR 64.1200(c)(2)), unless
 * the recipient gave the seller prior express written consent or has a business relationship with it.
 */
public final class DncNationalRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.marketing(RuleScope.PHONE).in(UsDnc.US_REGIONS, Set.of());
    private static final RuleInfo INFO = new RuleInfo("registry/national-dnc",
            "No marketing call or text to a number on the national Do-Not-Call registry, without written consent or a business relationship.",
            "47 CFR 64.1200(c)(2)", List.of(ReasonCode.DNC_NATIONAL), List.of())
            .because("People on the National Do-Not-Call Registry asked not to receive telemarketing; calling them "
                    + "without written consent or a current business relationship is a violation.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!UsDnc.binds(request, facts) || !facts.registry().onNationalDnc() || !facts.knows(FactSource.REGISTRY)
                || !facts.knows(FactSource.LEDGER) || UsDnc.exempt(request, facts)) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason(facts.recipient().key() + " is on the national Do-Not-Call registry and no exemption applies"
                        + " (no written consent, no business relationship).",
                Evidence.of("number", facts.recipient().key(),
                        "registry_as_of", facts.registry().nationalAsOf() == null ? null : LedgerTimes.format(facts.registry().nationalAsOf()))));
    }
}
