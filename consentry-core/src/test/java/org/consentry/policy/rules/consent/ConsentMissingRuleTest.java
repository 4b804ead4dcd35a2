package org.consentry.policy.rules.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingEmail;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import org.consentry.consent.ConsentStatus;
import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ConsentMissingRuleTest {

    private final ConsentMissingRule rule = new ConsentMissingRule();

    @Test
    void blocksAMarketingTextWithoutAnyConsent() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().noConsent().of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.CONSENT_MISSING);
        assertThat(outcome.reason().message()).isEqualTo("No consent is recorded for +13055550100; marketing sms needs one.");
        assertThat(outcome.reason().evidence()).containsEntry("channel", "sms").containsEntry("purpose", "marketing");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Channel.class, names = {"SMS", "MMS", "VOICE", "IVR", "RVM"})
    void everyCallAndTextNeedsConsentWhateverThePurpose(Channel channel) {
        for (Purpose purpose : new Purpose[] {Purpose.MARKETING, Purpose.TRANSACTIONAL, Purpose.INFORMATIONAL}) {
            SendRequest request = marketingSms().channel(channel).purpose(purpose).build();
            assertThat(rule.check(request, facts().noConsent().of(request)).passed()).as(purpose.name()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0} email: consent needed={1}")
    @CsvSource({"MARKETING, true", "TRANSACTIONAL, false", "INFORMATIONAL, false"})
    void onlyMarketingEmailNeedsConsent(Purpose purpose, boolean needed) {
        SendRequest request = marketingEmail().purpose(purpose).build();
        assertThat(rule.check(request, facts().noConsent().of(request)).passed()).isEqualTo(!needed);
    }

    @Test
    void theOptOutConfirmationNeedsNoConsent() {
        SendRequest request = marketingSms().purpose(Purpose.OPT_OUT_CONFIRMATION).build();
        assertThat(rule.check(request, facts().noConsent().of(request)).passed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "captured a second before send_at, -1, true",
            "captured at send_at,               0, true",
            "captured a second after send_at,   1, false",
    })
    void aConsentCountsFromTheMomentItWasCaptured(String description, long offsetSeconds, boolean covered) {
        Instant sendAt = Instant.parse("2026-03-14T16:00:00Z");
        SendRequest request = marketingSms().at(sendAt).build();
        Outcome outcome = rule.check(request,
                facts().consentCapturedAt(Channel.SMS, Purpose.MARKETING, sendAt.plusSeconds(offsetSeconds)).of(request));
        assertThat(outcome.passed()).as(description).isEqualTo(covered);
    }

    @Test
    void staysSilentWhenAnotherConsentRuleSpeaks() {
        SendRequest request = marketingSms().build();
        assertThat(rule.check(request, facts().consent(Channel.EMAIL, Purpose.MARKETING, ConsentStatus.ACTIVE).of(request))
                .passed()).isTrue();
        assertThat(rule.check(request, facts().consent(Channel.SMS, Purpose.MARKETING, ConsentStatus.REVOKED).of(request))
                .passed()).isTrue();
    }
}
