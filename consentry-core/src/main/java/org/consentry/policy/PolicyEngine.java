package org.consentry.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every rule of the rulebook and reports every reason: a compliance verdict must list them all. The
 * most severe outcome decides (block over defer over allow). A rule that throws blocks (fail closed).
 *
 * <p>A deferral's {@code not_before} is the earliest instant at which every deferring rule passes
 * together: the latest of their times is tried, every rule that can defer is asked again at that time, and
 * so on until they agree (a state's Sunday ban may push past the federal 08:00; France's lunch break past
 * another pack's opening). When one of them cannot name a time, or they do not agree within a few rounds,
 * there is none.
 */
public final class PolicyEngine {

    private static final int SETTLE_ROUNDS = 16;

    private final Rule[] rules;
    private final Rule[] timingRules;

    public PolicyEngine(Rulebook rulebook) {
        this.rules = rulebook.rules().toArray(new Rule[0]);
        List<Rule> timing = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.info().codes().stream().anyMatch(code -> code.effect() == Effect.DEFER)) {
                timing.add(rule);
            }
        }
        this.timingRules = timing.toArray(new Rule[0]);
    }

    public Verdict evaluate(SendRequest request, Facts facts) {
        List<Reason> reasons = null;
        List<Reason> notices = null;
        boolean blocked = false;
        boolean deferredWithoutTime = false;
        Instant notBefore = null;
        for (Rule rule : rules) {
            Outcome outcome = run(rule, request, facts);
            if (outcome.notice() != null) {
                if (notices == null) {
                    notices = new ArrayList<>(2);
                }
                notices.add(outcome.notice());
            }
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
        List<Reason> noticeList = notices == null ? List.of() : notices;
        if (reasons == null) {
            return noticeList.isEmpty() ? Verdict.allow() : new Verdict(Decision.ALLOW, null, List.of(), noticeList);
        }
        if (blocked) {
            return new Verdict(Decision.BLOCK, null, reasons, noticeList);
        }
        Instant settled = deferredWithoutTime ? null : settle(request, facts, notBefore);
        return new Verdict(Decision.DEFER, settled, reasons, noticeList);
    }

    /** The earliest instant from {@code candidate} on at which no rule that can defer does. */
    private Instant settle(SendRequest request, Facts facts, Instant candidate) {
        Instant at = candidate;
        for (int round = 0; round < SETTLE_ROUNDS && at != null; round++) {
            SendRequest later = request.at(at);
            Instant latest = at;
            boolean clear = true;
            for (Rule rule : timingRules) {
                Outcome outcome = run(rule, later, facts);
                if (outcome.passed() || outcome.reason().effect() != Effect.DEFER) {
                    continue;
                }
                clear = false;
                if (outcome.notBefore() == null) {
                    return null;
                }
                if (outcome.notBefore().isAfter(latest)) {
                    latest = outcome.notBefore();
                }
            }
            if (clear) {
                return at;
            }
            if (!latest.isAfter(at)) {
                return null;
            }
            at = latest;
        }
        return null;
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
