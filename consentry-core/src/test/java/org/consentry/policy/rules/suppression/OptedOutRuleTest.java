package org.consentry.policy.rules.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingEmail;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.policy.Channel;
import org.consentry.policy.OptOutScope;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptedOutRuleTest {

    private final OptedOutRule rule = new OptedOutRule();

    @ParameterizedTest(name = "opted out of {0}, sending {1}: blocked={2}")
    @CsvSource({
            "SMS,   SMS,   true",
            "SMS,   MMS,   true",
            "SMS,   VOICE, false",
            "SMS,   EMAIL, false",
            "VOICE, VOICE, true",
            "VOICE, IVR,   true",
            "VOICE, RVM,   true",
            "VOICE, SMS,   false",
            "EMAIL, EMAIL, true",
            "EMAIL, SMS,   false",
    })
    void blocksTheChannelsTheOptOutCovers(OptOutScope scope, Channel channel, boolean blocked) {
        SendRequest request = (channel == Channel.EMAIL ? marketingEmail() : marketingSms().channel(channel)).build();
        Outcome outcome = rule.check(request, facts().optedOut(scope).of(request));
        assertThat(outcome.passed()).isEqualTo(!blocked);
    }

    @Test
    void anOptOutOfAllIsEveryScope() {
        for (Channel channel : Channel.values()) {
            SendRequest request = (channel == Channel.EMAIL ? marketingEmail() : marketingSms().channel(channel)).build();
            var facts = facts();
            for (OptOutScope scope : OptOutScope.values()) {
                facts.optedOut(scope);
            }
            assertThat(rule.check(request, facts.of(request)).passed()).as(channel.name()).isFalse();
        }
    }

    @Test
    void bindsEveryPurposeAndExplainsItself() {
        SendRequest request = marketingSms().purpose(Purpose.TRANSACTIONAL).build();
        Outcome outcome = rule.check(request, facts().optedOut(OptOutScope.SMS).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.OPTED_OUT);
        assertThat(outcome.reason().message()).contains("+13055550100 opted out of sms").contains("sms:STOP");
        assertThat(outcome.reason().evidence()).containsEntry("scope", "sms").containsEntry("via", "sms:STOP")
                .containsEntry("opted_out_at", "2026-03-01T10:00:00Z");
    }

    @Test
    void anEmailOfAListTheRecipientLeftIsBlockedAndTheTenantsOtherEmailIsNot() {
        SendRequest spring = marketingEmail().campaign("spring").build();
        Outcome left = rule.check(spring, facts().leftList("spring").of(spring));
        assertThat(left.reason().code()).isEqualTo(ReasonCode.OPTED_OUT);
        assertThat(left.reason().message()).contains("unsubscribed from the list 'spring'").contains("email:one-click");
        assertThat(left.reason().evidence()).containsEntry("scope", "list").containsEntry("list", "spring");

        SendRequest autumn = marketingEmail().campaign("autumn").build();
        assertThat(rule.check(autumn, facts().leftList("spring").of(autumn)).passed()).isTrue();
        SendRequest text = marketingSms().campaign("spring").build();
        assertThat(rule.check(text, facts().leftList("spring").of(text)).passed()).as("a list is email only").isTrue();
    }

    @Test
    void allowsWithoutAnOptOut() {
        SendRequest request = marketingSms().build();
        assertThat(rule.check(request, facts().of(request)).passed()).isTrue();
    }
}
