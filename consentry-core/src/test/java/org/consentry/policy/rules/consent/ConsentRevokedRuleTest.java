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
                .consent(Channel.SMS, Purpose.MARKETING, ConsentStatus.REVOKED)
                .consent(Channel.SMS, Purpose.MARKETING, ConsentStatus.ACTIVE).of(request));
        assertThat(outcome.passed()).isTrue();
    }
}
