package org.consentry.policy.rules.suppression;

import java.util.List;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/**
 * An address the provider has put on its own block list receives nothing from any tenant, whatever the
 * purpose (providers' acceptable-use policies; the list holds numbers reported for abuse, litigators'
 * traps and addresses erased on request).
 */
public final class SuppressedRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo("suppression/provider-block-list",
            "Nothing goes to an address on the provider's block list.",
            "Provider acceptable-use policy", List.of(ReasonCode.SUPPRESSED), List.of())
            .because("The provider has found the address abused or complained about (a litigator, a trap, a spam "
                    + "report); sending to it again risks the whole platform's reputation.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!facts.registry().blocked() || !facts.recipient().valid() || !facts.knows(FactSource.REGISTRY)) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason(facts.recipient().key() + " is on the provider's block list.",
                Evidence.of("address", facts.recipient().key(), "list", "block")));
    }
}
