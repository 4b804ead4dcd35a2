package org.consentry.policy.rules.frequency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.FrequencyCap;
import org.consentry.tenant.TenantSettings;
import org.consentry.testing.TestFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenantFrequencyCapRuleTest {

    private static final Instant NOW = Instant.parse("2026-03-14T17:00:00Z");
    private final TenantFrequencyCapRule rule = new TenantFrequencyCapRule();

    private static TenantSettings caps(FrequencyCap... caps) {
        return new TenantSettings(false, false, false, List.of(caps), null, 60, 0);
    }

    private static TestFacts sent(int count) {
        TestFacts facts = facts();
        for (int i = 1; i <= count; i++) {
            facts.sent(NOW.minus(Duration.ofHours(i)), Channel.EMAIL, Purpose.MARKETING, "topic-" + i, "Acme news " + i);
        }
        return facts;
    }

    @ParameterizedTest(name = "{0} earlier: deferred={1}")
    @CsvSource({"1, false", "2, true"})
    void twoPerWeekPerRecipientOnEveryChannel(int earlier, boolean deferred) {
        SendRequest request = marketingSms().at(NOW).build();
        Outcome outcome = rule.check(request, sent(earlier).settings(caps(new FrequencyCap(2, 168, FrequencyCap.Per.RECIPIENT))).of(request));
        assertThat(outcome.passed()).isEqualTo(!deferred);
    }

    @Test
    void theLatestOfSeveralCapsDecides() {
        SendRequest request = marketingSms().at(NOW).build();
        Outcome outcome = rule.check(request, sent(3).settings(caps(
                new FrequencyCap(1, 2, FrequencyCap.Per.RECIPIENT),
                new FrequencyCap(3, 24, FrequencyCap.Per.RECIPIENT))).of(request));
        assertThat(outcome.notBefore()).isEqualTo(NOW.minus(Duration.ofHours(3)).plus(Duration.ofHours(24)));
    }

    @Test
    void noCapsNoDeferral() {
        SendRequest request = marketingSms().at(NOW).build();
        assertThat(rule.check(request, sent(10).of(request)).passed()).isTrue();
    }
}
