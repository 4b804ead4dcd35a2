package org.consentry.policy.rules.registry;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * No telephone solicitation to a number on a state's own Do-Not-Call list (Texas, Florida, Colorado,
 * Indiana, Louisiana, Missouri, Pennsylvania and others keep one), with the same exemptions as the national
 * registry; the provider loads each list as {@code state:XX}.
 */
public final class DncStateRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.marketing(RuleScope.PHONE).in(UsDnc.US_REGIONS, Set.of());
    private static final RuleInfo INFO = new RuleInfo("registry/state-dnc",
            "No marketing call or text to a number on a state Do-Not-Call list, without written consent or a business relationship.",
            "State telephone solicitation laws (e.g. Tex. Bus. & Com. Code 304.052; Fla. Stat. 501.059(4))",
            List.of(ReasonCode.DNC_STATE), List.of())
            .because("Several states keep their own do-not-call lists with their own penalties, on top of the "
                    + "national one.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!UsDnc.binds(request, facts) || facts.registry().stateDncLists().isEmpty() || !facts.knows(FactSource.REGISTRY)
                || !facts.knows(FactSource.LEDGER) || UsDnc.exempt(request, facts)) {
            return Outcome.pass();
        }
        List<String> states = new TreeSet<>(facts.registry().stateDncLists()).stream().toList();
        return Outcome.block(INFO.reason(facts.recipient().key() + " is on the Do-Not-Call list of " + String.join(", ", states)
                        + " and no exemption applies.",
                Evidence.of("number", facts.recipient().key(), "lists", states.stream().map(s -> "state:" + s).toList())));
    }
}
