package org.consentry.policy.rules.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DncInternalRuleTest {

    private final DncInternalRule rule = new DncInternalRule();

    @ParameterizedTest(name = "{0} {1}: blocked={2}")
    @CsvSource({
            "MARKETING,     SMS,   true",
            "MARKETING,     VOICE, true",
            "MARKETING,     RVM,   true",
            "TRANSACTIONAL, SMS,   false",
            "INFORMATIONAL, VOICE, false",
    })
    void bindsMarketingCallsAndTexts(Purpose purpose, Channel channel, boolean blocked) {
        SendRequest request = marketingSms().channel(channel).purpose(purpose).build();
        Outcome outcome = rule.check(request, facts().onInternalDnc().of(request));
        assertThat(outcome.passed()).isEqualTo(!blocked);
    }

    @Test
    void blocksEvenWithConsentAndSaysSince() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().onInternalDnc().of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.DNC_INTERNAL);
        assertThat(outcome.reason().message()).contains("since 2026-02-15T09:00:00Z");
    }

    @Test
    void allowsANumberNotOnTheList() {
        SendRequest request = marketingSms().build();
        assertThat(rule.check(request, facts().of(request)).passed()).isTrue();
    }
}
