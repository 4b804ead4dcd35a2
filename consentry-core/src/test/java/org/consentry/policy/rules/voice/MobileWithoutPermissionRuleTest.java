package org.consentry.policy.rules.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.consent.ConsentMethod;
import org.consentry.consent.ConsentStatus;
import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.recipient.LineType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 47 CFR 64.1200(a)(1)(iii); FCC 22-85 (ringless voicemail). */
class MobileWithoutPermissionRuleTest {

    private final MobileWithoutPermissionRule rule = new MobileWithoutPermissionRule();

    @ParameterizedTest(name = "{0} to a {1} line: blocked={2}")
    @CsvSource({
            "IVR, MOBILE,   true",
            "IVR, UNKNOWN,  true",
            "IVR, VOIP,     true",
            "IVR, LANDLINE, false",
            "RVM, MOBILE,   true",
            "RVM, TOLL_FREE, false",
    })
    void automatedCallsToMobilesNeedConsentToThatChannel(Channel channel, LineType line, boolean blocked) {
        SendRequest request = marketingSms().channel(channel).build();
        Outcome outcome = rule.check(request, facts().consent(Channel.SMS, Purpose.MARKETING, ConsentStatus.ACTIVE).lineType(line).of(request));
        assertThat(outcome.passed()).isEqualTo(!blocked);
    }

    @Test
    void consentToThatChannelIsPermission() {
        SendRequest request = marketingSms().channel(Channel.RVM).build();
        assertThat(rule.check(request, facts().lineType(LineType.MOBILE).of(request)).passed()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} to a mobile on {2} consent to it: blocked={3}")
    @CsvSource({
            "RVM,   MARKETING,     VERBAL,   true",
            "RVM,   MARKETING,     API,      true",
            "RVM,   MARKETING,     WEB_FORM, false",
            "IVR,   MARKETING,     VERBAL,   true",
            "IVR,   MARKETING,     PAPER,    false",
            "VOICE, MARKETING,     VERBAL,   true",
            "RVM,   INFORMATIONAL, VERBAL,   false",
            "IVR,   TRANSACTIONAL, VERBAL,   false",
    })
    void automatedMarketingToMobilesNeedsWrittenConsent(Channel channel, Purpose purpose, ConsentMethod method, boolean blocked) {
        SendRequest request = marketingSms().channel(channel).purpose(purpose).prerecorded(true).build();
        Outcome outcome = rule.check(request, facts().consentMethod(method).lineType(LineType.MOBILE).of(request));
        assertThat(outcome.passed()).isEqualTo(!blocked);
        if (blocked) {
            assertThat(outcome.reason().message()).contains("no written consent");
        }
    }

    @Test
    void aPreviousSubscribersConsentIsNoPermission() {
        SendRequest request = marketingSms().channel(Channel.RVM).build(); // the default consent: written, 2026-02-01T12:00Z
        Outcome outcome = rule.check(request, facts().lineType(LineType.MOBILE)
                .disconnectedAt(java.time.Instant.parse("2026-02-01T00:00:00Z")).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.MOBILE_WITHOUT_PERMISSION);
        assertThat(rule.check(request, facts().lineType(LineType.MOBILE)
                .disconnectedAt(java.time.Instant.parse("2026-01-31T23:59:59Z")).of(request)).passed()).isTrue();
    }

    @Test
    void aLivePersonCallNeedsNone() {
        SendRequest live = marketingSms().channel(Channel.VOICE).build();
        assertThat(rule.check(live, facts().noConsent().lineType(LineType.MOBILE).of(live)).passed()).isTrue();
        SendRequest prerecorded = marketingSms().channel(Channel.VOICE).prerecorded(true).build();
        Outcome outcome = rule.check(prerecorded, facts().consent(Channel.SMS, Purpose.MARKETING, ConsentStatus.ACTIVE)
                .lineType(LineType.MOBILE).of(prerecorded));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.MOBILE_WITHOUT_PERMISSION);
        assertThat(outcome.reason().message()).contains("a mobile line").contains("voice prerecorded");
    }
}
