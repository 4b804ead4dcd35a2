package org.consentry.policy.rules.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingEmail;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.SendRequests.transactionalSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmergencyNumberRuleTest {

    private final EmergencyNumberRule rule = new EmergencyNumberRule(EmergencyNumbers.load());

    private Outcome check(SendRequest request) {
        return rule.check(request, facts().of(request));
    }

    @ParameterizedTest(name = "blocks {0}")
    @ValueSource(strings = {"911", "112", "999", "000", "110", "119", "933", "988",
            "211", "311", "411", "511", "611", "711", "811",
            "9-1-1", " 911 ", "(911)", "1911", "1-911", "+1911", "+1 911", "+44 999", "+33 112", "+61 000", "+81 110"})
    void blocksEmergencyAndN11NumbersInAnyFormat(String to) {
        Outcome outcome = check(transactionalSms().to(to).build());
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.EMERGENCY_NUMBER);
        assertThat(outcome.reason().evidence()).containsKey("service");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "two digits, under   | 91            | false",
            "three digits, at    | 911           | true",
            "a full number       | +13055550911  | false",
            "a full number       | +19115550100  | false",
    })
    void matchesTheWholeDialledNumber(String description, String to, boolean emergency) {
        assertThat(check(marketingSms().to(to).build()).passed()).as(description).isEqualTo(!emergency);
    }

    @ParameterizedTest(name = "blocks {0} (country hint {1})")
    @CsvSource(delimiter = '|', value = {
            "0033 112      | US",
            "00 33 112     | FR",
            "0049110       | DE",
            "00 49 110     | US",
            "011 44 999    | US",
            "00 61 000     | FR",
            "+33 15        | US",
            "+33 17        | FR",
            "+33 18        | DE",
            "0033 15       | US",
            "00 33 17      | FR",
            "011 33 18     | CA",
    })
    void blocksAnotherCountrysEmergencyNumberDialledFromAbroad(String to, String hint) {
        Outcome outcome = check(marketingSms().to(to).country(hint).build());
        assertThat(outcome.passed()).as(to).isFalse();
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.EMERGENCY_NUMBER);
    }

    @ParameterizedTest(name = "{0} is not an emergency number")
    @ValueSource(strings = {"0033 123", "+33 16", "00 49 111", "+33 1 23 45 67 89", "0033 6 12 34 56 78"})
    void leavesOtherNumbersDialledFromAbroad(String to) {
        assertThat(check(marketingSms().to(to).country("FR").build()).passed()).as(to).isTrue();
    }

    @Test
    void usesTheRegionsOwnEmergencyNumbers() {
        assertThat(check(marketingSms().to("15").country("FR").build()).passed()).isFalse();
        assertThat(check(marketingSms().to("15").country("US").build()).passed()).isTrue();
    }

    @Test
    void coversCallsAsWellAsTexts() {
        for (Channel channel : new Channel[] {Channel.VOICE, Channel.IVR, Channel.RVM, Channel.MMS}) {
            assertThat(check(marketingSms().channel(channel).to("911").build()).passed()).as(channel.name()).isFalse();
        }
    }

    @Test
    void ignoresEmail() {
        assertThat(check(marketingEmail().to("911@example.com").build()).passed()).isTrue();
    }
}
