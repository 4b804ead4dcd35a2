package org.consentry.policy.rules.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import java.util.Map;
import org.consentry.policy.Effect;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.TenantPlan;
import org.consentry.testing.TestFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ThrottledRuleTest {

    private static final Instant NOW = Instant.parse("2026-03-14T17:00:00Z");
    private final ThrottledRule rule = new ThrottledRule();

    private static TestFacts sentLastMinute(int count) {
        TestFacts facts = facts().plan(new TenantPlan(Map.of(), 3));
        for (int i = 1; i <= count; i++) {
            facts.tenantSent(NOW.minusSeconds(i * 10L));
        }
        return facts;
    }

    @ParameterizedTest(name = "{0} sent in the last minute: throttled={1}")
    @CsvSource({"2, false", "3, true", "4, true"})
    void overThePlansRateSendsWait(int sent, boolean throttled) {
        SendRequest request = marketingSms().at(NOW).build();
        assertThat(rule.check(request, sentLastMinute(sent).of(request)).passed()).isEqualTo(!throttled);
    }

    @Test
    void waitsUntilTheOldestLeavesTheMinute() {
        SendRequest request = marketingSms().at(NOW).build();
        Outcome outcome = rule.check(request, sentLastMinute(3).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.THROTTLED);
        assertThat(outcome.reason().effect()).isEqualTo(Effect.DEFER);
        assertThat(outcome.notBefore()).isEqualTo(NOW.minusSeconds(30).plusSeconds(60));
    }

    @Test
    void noLimitNoThrottle() {
        SendRequest request = marketingSms().at(NOW).build();
        assertThat(rule.check(request, facts().tenantSent(NOW).tenantSent(NOW).of(request)).passed()).isTrue();
    }
}
