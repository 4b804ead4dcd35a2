package org.consentry.policy.rules.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import org.consentry.consent.ConsentStatus;
import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.testing.TestFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentRevokedRuleTest {

    private final ConsentRevokedRule rule = new ConsentRevokedRule();

    @Test
    void blocksWhenTheOnlyCoveringConsentWasRevoked() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().consent(Channel.SMS, Purpose.MARKETING, ConsentStatus.REVOKED).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.CONSENT_REVOKED);
        assertThat(outcome.reason().message()).contains("was revoked at 2026-02-02T12:00:00Z");
        assertThat(outcome.reason().evidence()).containsEntry("revoked_at", "2026-02-02T12:00:00Z");
    }

    @Test
    void aRevokedSmsConsentNoLongerCoversMms() {
        SendRequest request = marketingSms().channel(Channel.MMS).build();
        Outcome outcome = rule.check(request, facts().consent(Channel.SMS, Purpose.MARKETING, ConsentStatus.REVOKED).of(request));
        assertThat(outcome.passed()).isFalse();
    }

    @Test
    void aNewerActiveConsentStandsDespiteAnOlderRevokedOne() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts()
                .consent(Channel.SMS, Purpose.MARKETING, ConsentStatus.REVOKED) // revoked a day after CAPTURED
                .consentCapturedAt(Channel.SMS, Purpose.MARKETING, TestFacts.CAPTURED.plusSeconds(86_401)).of(request));
        assertThat(outcome.passed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "captured a day before the withdrawal: revoked too,    -86400, true",
            "captured at the withdrawal's instant: revoked too,     0,     true",
            "captured a second after the withdrawal: it stands,     1,     false",
    })
    void aWithdrawalEndsTheConsentsGivenBeforeIt(String description, long secondsAfterWithdrawal, boolean blocked) {
        SendRequest request = marketingSms().build();
        Instant withdrawn = TestFacts.CAPTURED.plusSeconds(86_400);
        Outcome outcome = rule.check(request, facts()
                .consentCapturedAt(Channel.SMS, Purpose.MARKETING, withdrawn.plusSeconds(secondsAfterWithdrawal))
                .consent(Channel.SMS, Purpose.MARKETING, ConsentStatus.REVOKED).of(request));
        assertThat(outcome.passed()).as(description).isEqualTo(!blocked);
        if (blocked) {
            assertThat(outcome.reason().message()).contains("was revoked at " + withdrawn);
        }
    }

    @Test
    void aPendingConsentThatLapsedWithdrawsNothing() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts()
                .consentCapturedAt(Channel.SMS, Purpose.MARKETING, TestFacts.CAPTURED.minusSeconds(86_400))
                .lapsedConsent(Channel.SMS, Purpose.MARKETING, TestFacts.CAPTURED).of(request));
        assertThat(outcome.passed()).isTrue();
    }
}
