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
    void sendsCommittedForLaterCountToo() {
        SendRequest request = marketingSms().at(NOW).build();
        TestFacts later = facts();
        for (int i = 1; i <= 2; i++) {
            later.sent(NOW.plus(Duration.ofHours(i)), Channel.EMAIL, Purpose.MARKETING, "topic-" + i, "Acme news " + i);
        }
        Outcome outcome = rule.check(request, later.settings(caps(new FrequencyCap(2, 24, FrequencyCap.Per.RECIPIENT))).of(request));
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.notBefore()).isEqualTo(NOW.plus(Duration.ofHours(25)));
    }

    @Test
    void waitsUntilEveryCapFitsAtOnce() {
        // one an hour ago caps 1 per 2 hours until +1 h; at +1 h two sends committed for +24.5 h and +24.8 h
        // share a day with it, so 2 per 24 hours waits until the first of them is a day behind
        SendRequest request = marketingSms().at(NOW).build();
        TestFacts facts = facts()
                .sent(NOW.minus(Duration.ofHours(1)), Channel.SMS, Purpose.MARKETING, "a", "Acme news a")
                .sent(NOW.plus(Duration.ofMinutes(24 * 60 + 30)), Channel.SMS, Purpose.MARKETING, "b", "Acme news b")
                .sent(NOW.plus(Duration.ofMinutes(24 * 60 + 48)), Channel.SMS, Purpose.MARKETING, "c", "Acme news c");
        Outcome outcome = rule.check(request, facts.settings(caps(
                new FrequencyCap(1, 2, FrequencyCap.Per.RECIPIENT),
                new FrequencyCap(2, 24, FrequencyCap.Per.RECIPIENT))).of(request));
        assertThat(outcome.notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(48 * 60 + 30)));
    }

    @Test
    void noCapsNoDeferral() {
        SendRequest request = marketingSms().at(NOW).build();
        assertThat(rule.check(request, sent(10).of(request)).passed()).isTrue();
    }
}
