package org.consentry.policy.rules.plan;

import java.time.Duration;
import java.time.Instant;
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
 * A tenant over the sending rate of its plan waits: the send is deferred until the oldest send of the last
 * minute leaves the window, never dropped.
 */
public final class ThrottledRule implements Rule {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final RuleInfo INFO = new RuleInfo("plan/sending-rate",
            "A tenant sends no faster than its plan's rate per minute; over it, sends wait.",
            "Provider terms (rate limits)", List.of(ReasonCode.THROTTLED), List.of())
            .because("Bursts above the rate a tenant was approved for overload carrier routes and are the pattern of "
                    + "a compromised or abusive account.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        int limit = facts.tenant().plan().sendsPerMinute();
        if (limit == 0 || !facts.knows(FactSource.COUNTERS)) {
            return Outcome.pass();
        }
        Instant at = request.sendAt();
        List<Instant> recent = facts.activity().lastMinute().stream()
                .filter(sent -> sent.isAfter(at.minus(MINUTE)) && !sent.isAfter(at)).toList();
        if (recent.size() < limit) {
            return Outcome.pass();
        }
        Instant free = recent.get(recent.size() - limit).plus(MINUTE);
        return Outcome.defer(INFO.reason("The account sent " + recent.size() + " messages in the last minute; its plan allows "
                        + limit + " a minute.",
                Evidence.of("sent_last_minute", recent.size(), "limit_per_minute", limit)), free);
    }
}
