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
import org.consentry.recipient.LineType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 47 CFR 64.1200(a)(3): prerecorded telemarketing to a residential line needs prior express written consent. */
class ResidentialPrerecordedRuleTest {

    private final ResidentialPrerecordedRule rule = new ResidentialPrerecordedRule();

    /** An AI voice needs written consent on any line: AiVoiceRule says so, with its own code. */
    @ParameterizedTest(name = "{0} (prerecorded={1}, ai={2}) to a landline on {3} consent: blocked={4}")
    @CsvSource({
            "VOICE, true,  false, VERBAL,   true",
            "VOICE, false, true,  VERBAL,   false",
            "IVR,   false, true,  VERBAL,   false",
            "VOICE, false, false, VERBAL,   false",
            "IVR,   false, false, VERBAL,   true",
            "RVM,   false, false, API,      true",
            "VOICE, true,  false, WEB_FORM, false",
            "IVR,   false, false, PAPER,    false",
    })
    void prerecordedMarketingToALandlineNeedsWrittenConsent(Channel channel, boolean prerecorded, boolean ai, ConsentMethod method,
                                                           boolean blocked) {
        SendRequest request = marketingSms().channel(channel).prerecorded(prerecorded).aiVoice(ai).build();
        Outcome outcome = rule.check(request, facts().consentMethod(method).lineType(LineType.LANDLINE).of(request));
        assertThat(outcome.passed()).isEqualTo(!blocked);
        if (blocked) {
            assertThat(outcome.reason().code()).isEqualTo(ReasonCode.CONSENT_MISSING);
            assertThat(outcome.reason().message()).contains("not in writing").contains(method.wireName());
            assertThat(outcome.reason().evidence()).containsEntry("consent_method", method.wireName()).containsEntry("line_type", "landline");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MOBILE", "UNKNOWN", "VOIP", "TOLL_FREE"})
    void otherLinesAreNotThisRules(LineType line) {
        SendRequest request = marketingSms().channel(Channel.VOICE).prerecorded(true).build();
        assertThat(rule.check(request, facts().consentMethod(ConsentMethod.VERBAL).lineType(line).of(request)).passed()).isTrue();
    }

    @Test
    void aCallThatIsNotTelemarketingNeedsNoWrittenConsent() {
        assertThat(rule.scope().purposes()).containsExactly(Purpose.MARKETING);
        assertThat(rule.scope().channels()).containsExactlyInAnyOrder(Channel.VOICE, Channel.IVR, Channel.RVM);
    }

    @Test
    void withNoCoveringConsentTheConsentRulesAnswer() {
        SendRequest request = marketingSms().channel(Channel.VOICE).prerecorded(true).build();
        assertThat(rule.check(request, facts().noConsent().lineType(LineType.LANDLINE).of(request)).passed()).isTrue();
    }
}
