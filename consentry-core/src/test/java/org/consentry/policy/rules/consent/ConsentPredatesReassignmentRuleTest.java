package org.consentry.policy.rules.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.testing.TestFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 47 CFR 64.1200(m): a consent given on or before the number's disconnection covers nothing. */
class ConsentPredatesReassignmentRuleTest {

    private final ConsentPredatesReassignmentRule rule = new ConsentPredatesReassignmentRule();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "disconnected a second after the consent: blocked,  1, true",
            "disconnected at the consent's instant: blocked,    0, true",
            "disconnected a second before the consent on its day: blocked, -1, true",
            "disconnected at the start of the consent's day: blocked, -43200, true",
            "disconnected the day before (a second before its end): allowed, -43201, false",
            "disconnected a day before the consent: allowed, -86400, false",
    })
    void aConsentGivenOnOrBeforeTheDayOfTheDisconnectCoversNothing(String description, long secondsAfterCapture, boolean blocked) {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().disconnectedAt(TestFacts.CAPTURED.plusSeconds(secondsAfterCapture)).of(request));
        assertThat(outcome.passed()).as(description).isEqualTo(!blocked);
    }

    @Test
    void explainsTheDates() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().disconnectedAt(Instant.parse("2026-02-20T00:00:00Z")).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.CONSENT_PREDATES_REASSIGNMENT);
        assertThat(outcome.reason().evidence()).containsEntry("disconnected_at", "2026-02-20T00:00:00Z")
                .containsEntry("captured_at", "2026-02-01T12:00:00Z");
    }

    @Test
    void aNumberNeverDisconnectedPasses() {
        SendRequest request = marketingSms().build();
        assertThat(rule.check(request, facts().of(request)).passed()).isTrue();
    }
}
