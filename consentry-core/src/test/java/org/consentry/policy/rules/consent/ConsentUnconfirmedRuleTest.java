package org.consentry.policy.rules.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.consent.ConsentStatus;
import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;

class ConsentUnconfirmedRuleTest {

    private final ConsentUnconfirmedRule rule = new ConsentUnconfirmedRule();

    @Test
    void blocksWhileTheDoubleOptInIsPending() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().consent(Channel.SMS, Purpose.MARKETING, ConsentStatus.PENDING).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.CONSENT_UNCONFIRMED);
        assertThat(outcome.reason().message()).contains("awaits its double opt-in confirmation");
        assertThat(outcome.reason().evidence()).containsEntry("consent_status", "pending").containsEntry("consent_id", "con_1");
    }

    @Test
    void anActiveConsentBesideThePendingOneIsEnough() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts()
                .consent(Channel.SMS, Purpose.MARKETING, ConsentStatus.PENDING)
                .consent(Channel.SMS, Purpose.MARKETING, ConsentStatus.ACTIVE).of(request));
        assertThat(outcome.passed()).isTrue();
    }

    @Test
    void aPendingConsentForAnotherPurposeIsNotThisRulesBusiness() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().consent(Channel.SMS, Purpose.TRANSACTIONAL, ConsentStatus.PENDING).of(request));
        assertThat(outcome.passed()).isTrue();
    }
}
