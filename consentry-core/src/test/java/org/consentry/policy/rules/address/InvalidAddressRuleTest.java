package org.consentry.policy.rules.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingEmail;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.policy.Channel;
import org.consentry.policy.Effect;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvalidAddressRuleTest {

    private final InvalidAddressRule rule = new InvalidAddressRule();

    private Outcome check(SendRequest request) {
        return rule.check(request, facts().of(request));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "nine digits, one short        | 305555010     | false",
            "ten digits                    | 3055550100    | true",
            "eleven digits, one too many   | 30555501000   | false",
            "E.164                         | +13055550100  | true",
            "unassigned area code 099      | +10995550100  | false",
            "letters                       | call me maybe | false",
    })
    void judgesPhoneNumbersByLibphonenumber(String description, String to, boolean valid) {
        Outcome outcome = check(marketingSms().to(to).build());
        assertThat(outcome.passed()).as(description).isEqualTo(valid);
    }

    @Test
    void blocksATextToAnEmailAddress() {
        Outcome outcome = check(marketingSms().to("ana@example.com").build());
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.INVALID_ADDRESS);
        assertThat(outcome.reason().effect()).isEqualTo(Effect.BLOCK);
        assertThat(outcome.reason().message()).contains("not a valid phone number");
        assertThat(outcome.reason().evidence()).containsEntry("to", "ana@example.com");
    }

    @Test
    void blocksAnEmailToAPhoneNumber() {
        Outcome outcome = check(marketingEmail().to("+13055550100").build());
        assertThat(outcome.reason().message()).contains("not a valid email address");
    }

    @Test
    void allowsAValidEmailAddress() {
        assertThat(check(marketingEmail().to("Ana.Lopez+news@Example.COM").build()).passed()).isTrue();
    }

    @Test
    void readsANationalNumberWithTheCountryHint() {
        SendRequest french = marketingSms().channel(Channel.SMS).to("06 12 34 56 78").country("FR").build();
        assertThat(check(french).passed()).isTrue();
        SendRequest asAmerican = marketingSms().to("06 12 34 56 78").country("US").build();
        assertThat(check(asAmerican).passed()).isFalse();
    }
}
