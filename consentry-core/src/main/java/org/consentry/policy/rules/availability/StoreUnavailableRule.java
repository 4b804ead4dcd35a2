package org.consentry.policy.rules.availability;

import java.util.List;
import java.util.TreeSet;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/**
 * When a store the decision needs did not answer, the message waits: Consentry never allows a message
 * without the evidence that makes it lawful. The rules that need the missing facts stand aside, so the
 * verdict defers rather than blocking on facts it could not read.
 */
public final class StoreUnavailableRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo("availability/stores",
            "A decision whose facts could not be read is deferred (fail closed).",
            "-", List.of(ReasonCode.STORE_UNAVAILABLE), List.of())
            .because("Without its evidence (consents, opt-outs, counters) the gateway cannot show a message is "
                    + "lawful, so it waits rather than guess.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (facts.unavailable().isEmpty()) {
            return Outcome.pass();
        }
        List<String> names = new TreeSet<>(facts.unavailable().stream().map(FactSource::name).map(String::toLowerCase).toList())
                .stream().toList();
        return Outcome.defer(INFO.reason(
                "The " + String.join(" and ", names) + (names.size() == 1 ? " store" : " stores") + " did not answer; retry later.",
                Evidence.of("unavailable", names)), null);
    }
}
