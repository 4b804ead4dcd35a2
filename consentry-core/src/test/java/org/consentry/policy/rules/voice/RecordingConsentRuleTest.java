package org.consentry.policy.rules.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** All-party consent states, e.g. Cal. Penal Code 632, Fla. Stat. 934.03. */
class RecordingConsentRuleTest {

    private final RecordingConsentRule rule = RecordingConsentRule.load();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Florida (all-party), no disclosure: blocked | +13055550100 | Hi from Acme about your renewal.    | true",
            "Florida, disclosure: allowed                | +13055550100 | Hi from Acme. This call is recorded. | false",
            "New York (one-party): allowed               | +12125550100 | Hi from Acme about your renewal.    | false",
            "California (all-party): blocked             | +14155550100 | Hi from Acme about your renewal.    | true",
            "Florida, disclosure denied: blocked          | +13055550100 | Hi from Acme. This call is not being recorded. | true",
            "California, disclosure denied: blocked       | +14155550100 | Hi from Acme. This call won't be recorded.     | true",
            "Florida, recorded and not shared: allowed    | +13055550100 | Hi from Acme. This call is recorded, not shared. | false",
    })
    void aRecordedCallToAnAllPartyStateMustAnnounceIt(String description, String to, String script, boolean blocked) {
        SendRequest request = marketingSms().channel(Channel.VOICE).to(to).recorded(true).body(script).build();
        assertThat(rule.check(request, facts().of(request)).passed()).as(description).isEqualTo(!blocked);
    }

    @Test
    void anUnknownStateCountsAsAllParty() {
        SendRequest request = marketingSms().channel(Channel.VOICE).to("+18005550123").recorded(true).body("Hello from Acme.").build();
        Outcome outcome = rule.check(request, facts().of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.RECORDING_CONSENT_MISSING);
        assertThat(outcome.reason().evidence()).containsEntry("state", "an unknown state");
    }

    @Test
    void anUnrecordedCallPasses() {
        SendRequest request = marketingSms().channel(Channel.VOICE).body("Hello").build();
        assertThat(rule.check(request, facts().of(request)).passed()).isTrue();
    }
}
