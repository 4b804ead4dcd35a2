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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentScopeRuleTest {

    private final ConsentScopeRule rule = new ConsentScopeRule();

    @ParameterizedTest(name = "consent {0}/{1} for a {2}/{3} send: blocked={4}")
    @CsvSource({
            "SMS,   TRANSACTIONAL, SMS,   MARKETING,     true",
            "SMS,   MARKETING,     SMS,   TRANSACTIONAL, true",
            "SMS,   INFORMATIONAL, SMS,   MARKETING,     true",
            "EMAIL, MARKETING,     SMS,   MARKETING,     true",
            "MMS,   MARKETING,     SMS,   MARKETING,     true",
            "VOICE, MARKETING,     IVR,   MARKETING,     true",
            "SMS,   MARKETING,     MMS,   MARKETING,     false",
            "SMS,   MARKETING,     SMS,   MARKETING,     false",
    })
    void aConsentCoversItsOwnChannelAndPurposeOnly(Channel consentChannel, Purpose consentPurpose, Channel channel,
                                                   Purpose purpose, boolean blocked) {
        SendRequest request = marketingSms().channel(channel).purpose(purpose).build();
        Outcome outcome = rule.check(request, facts().consent(consentChannel, consentPurpose, ConsentStatus.ACTIVE).of(request));
        assertThat(outcome.passed()).isEqualTo(!blocked);
    }

    @Test
    void explainsWhatTheRecipientDidConsentTo() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().consent(Channel.SMS, Purpose.TRANSACTIONAL, ConsentStatus.ACTIVE).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.CONSENT_SCOPE);
        assertThat(outcome.reason().message())
                .isEqualTo("+13055550100 consented to transactional sms (con_1), not to marketing sms.");
        assertThat(outcome.reason().evidence()).containsEntry("consent_purpose", "transactional");
    }

    @Test
    void aRevokedConsentForAnotherScopeDoesNotCount() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().consent(Channel.EMAIL, Purpose.MARKETING, ConsentStatus.REVOKED).of(request));
        assertThat(outcome.passed()).isTrue();
    }
}
