package org.consentry.policy.rules.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.consent.ConsentMethod;
import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FCC 24-17 (2024): an AI-generated voice is an artificial voice under 47 U.S.C. 227(b). */
class AiVoiceRuleTest {

    private final AiVoiceRule rule = new AiVoiceRule();

    @ParameterizedTest(name = "{0} consent for {1}: blocked={2}")
    @CsvSource({
            "WEB_FORM, MARKETING,     false",
            "VERBAL,   MARKETING,     true",
            "VERBAL,   INFORMATIONAL, false",
    })
    void marketingWithAnAiVoiceNeedsWrittenConsent(ConsentMethod method, Purpose purpose, boolean blocked) {
        SendRequest request = marketingSms().channel(Channel.VOICE).purpose(purpose).aiVoice(true).build();
        Outcome outcome = rule.check(request, facts().consentMethod(method).of(request));
        assertThat(outcome.passed()).isEqualTo(!blocked);
    }

    @Test
    void withoutAnyConsentItBlocksAndSaysWhy() {
        SendRequest request = marketingSms().channel(Channel.IVR).aiVoice(true).build();
        Outcome outcome = rule.check(request, facts().noConsent().of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.AI_VOICE_WITHOUT_CONSENT);
        assertThat(outcome.reason().evidence()).containsEntry("written_required", true);
    }

    @Test
    void aPreviousSubscribersConsentIsNoConsent() {
        SendRequest request = marketingSms().channel(Channel.VOICE).aiVoice(true).build(); // the default consent: 2026-02-01T12:00Z
        Outcome outcome = rule.check(request, facts().disconnectedAt(java.time.Instant.parse("2026-02-01T00:00:00Z")).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.AI_VOICE_WITHOUT_CONSENT);
    }

    @Test
    void aHumanVoiceIsNotThisRulesBusiness() {
        SendRequest request = marketingSms().channel(Channel.VOICE).build();
        assertThat(rule.check(request, facts().noConsent().of(request)).passed()).isTrue();
    }
}
