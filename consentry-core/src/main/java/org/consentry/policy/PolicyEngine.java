package org.consentry.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every rule of the rulebook and reports every reason: a compliance verdict must list them all. The
 * most severe outcome decides (block over defer over allow); a deferral's {@code not_before} is the
 * latest of the deferring rules' times, or none if any of them cannot name one. A rule that throws
 * blocks (fail closed).
 */
public final class PolicyEngine {

    private final Rule[] rules;

    public PolicyEngine(Rulebook rulebook) {
        this.rules = rulebook.rules().toArray(new Rule[0]);
    }

    public Verdict evaluate(SendRequest request, Facts facts) {
        List<Reason> reasons = null;
        boolean blocked = false;
        boolean deferredWithoutTime = false;
        Instant notBefore = null;
        for (Rule rule : rules) {
            Outcome outcome = run(rule, request, facts);
            if (outcome.passed()) {
                continue;
            }
            Reason reason = outcome.reason();
            if (reasons == null) {
                reasons = new ArrayList<>(4);
            }
            reasons.add(reason);
            if (reason.effect() == Effect.BLOCK) {
                blocked = true;
            } else if (outcome.notBefore() == null) {
                deferredWithoutTime = true;
            } else if (notBefore == null || outcome.notBefore().isAfter(notBefore)) {
                notBefore = outcome.notBefore();
            }
        }
        if (reasons == null) {
            return Verdict.allow();
        }
        if (blocked) {
            return new Verdict(Decision.BLOCK, null, reasons, List.of());
        }
        return new Verdict(Decision.DEFER, deferredWithoutTime ? null : notBefore, reasons, List.of());
    }

    private static Outcome run(Rule rule, SendRequest request, Facts facts) {
        try {
            Outcome outcome = rule.check(request, facts);
            if (outcome == null) {
                return failed(rule, new IllegalStateException("the rule returned no outcome"));
            }
            return outcome;
        } catch (RuntimeException | StackOverflowError e) {
            return failed(rule, e);
        }
    }

    private static Outcome failed(Rule rule, Throwable error) {
        RuleInfo info = rule.info();
        String detail = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return Outcome.block(new Reason(info.primaryCode(), Effect.BLOCK, info.id(),
                "The rule " + info.id() + " could not decide (" + detail + "), so the message is blocked.",
                info.citation(), Map.of("rule_error", detail)));
    }
}
