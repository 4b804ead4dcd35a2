package org.consentry.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.recipient.Recipient;

/**
 * Runs every rule of the rulebook whose {@link RuleScope} covers the send, and reports every reason: a compliance verdict must list them all. The
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
    private static final int MAX_SELECTIONS = 8_192;

    private final Rule[] rules;
    private final RuleScope[] scopes;
    private final Map<Selector, Selection> selections = new ConcurrentHashMap<>();

    /** What decides which rules apply: the channel, the purpose and where the recipient is. */
    private record Selector(Channel channel, Purpose purpose, String country, Set<String> subdivisions) {
        @Override public int hashCode() {
            return ((channel.ordinal() * 8 + purpose.ordinal()) * 31 + (country == null ? 0 : country.hashCode())) * 31
                    + subdivisions.hashCode();
        }

        @Override public boolean equals(Object other) {
            return other instanceof Selector that && channel == that.channel && purpose == that.purpose
                    && java.util.Objects.equals(country, that.country) && subdivisions.equals(that.subdivisions);
        }
    }

    /** The rules that apply, in rulebook order, and those of them that can defer. */
    private record Selection(Rule[] rules, Rule[] timing) {
    }

    public PolicyEngine(Rulebook rulebook) {
        this.rules = rulebook.rules().toArray(new Rule[0]);
        this.scopes = new RuleScope[rules.length];
        for (int i = 0; i < rules.length; i++) {
            scopes[i] = rules[i].scope();
        }
    }

    private Selection select(SendRequest request, Facts facts) {
        Recipient recipient = facts.recipient();
        Selector selector = new Selector(request.channel(), request.purpose(), recipient.country(), recipient.subdivisions());
        Selection selection = selections.get(selector);
        if (selection == null) {
            selection = selectFor(request.channel(), request.purpose(), recipient);
            if (selections.size() < MAX_SELECTIONS) {
                selections.put(selector, selection);
            }
        }
        return selection;
    }

    private Selection selectFor(Channel channel, Purpose purpose, Recipient recipient) {
        List<Rule> applying = new ArrayList<>();
        List<Rule> timing = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            if (!scopes[i].covers(channel, purpose, recipient)) {
                continue;
            }
            applying.add(rules[i]);
            if (rules[i].info().codes().stream().anyMatch(code -> code.effect() == Effect.DEFER)) {
                timing.add(rules[i]);
            }
        }
        return new Selection(applying.toArray(new Rule[0]), timing.toArray(new Rule[0]));
    }

    public Verdict evaluate(SendRequest request, Facts facts) {
        Selection selection = select(request, facts);
        List<Reason> reasons = null;
        List<Reason> notices = null;
        boolean blocked = false;
        boolean deferredWithoutTime = false;
        Instant notBefore = null;
        for (Rule rule : selection.rules()) {
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
        Instant settled = deferredWithoutTime ? null : settle(selection.timing(), request, facts, notBefore);
        return new Verdict(Decision.DEFER, settled, reasons, noticeList);
    }

    /** The earliest instant from {@code candidate} on at which no rule that can defer does. */
    private static Instant settle(Rule[] timingRules, SendRequest request, Facts facts, Instant candidate) {
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
