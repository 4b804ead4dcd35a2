package org.consentry.policy.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 47 CFR 64.1200(b)(2). */
class CallbackNumberRuleTest {

    private final CallbackNumberRule rule = new CallbackNumberRule();

    private Outcome check(SendRequest request) {
        return rule.check(request, facts().of(request));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nine digits: missing     | Call us at 800 555 019.            | false",
            "ten digits: present      | Call us at 800-555-0199.           | true",
            "with country code        | Call us at +1 (800) 555-0199.      | true",
            "no number                | Thanks for being a customer.       | false",
            "a date and a time        | Our sale runs until 03-31-2026 10 am.  | false",
            "an order number          | Your order 1234567890 is ready.    | false",
            "a Miami number           | Call us back at 305.555.0100.      | true",
            "a number in the UK       | Ring us on +44 20 7946 0958.       | true",
    })
    void aRinglessVoicemailStatesACallbackNumber(String description, String script, boolean allowed) {
        assertThat(check(marketingSms().channel(Channel.RVM).purpose(Purpose.INFORMATIONAL).body(script).build()).passed())
                .as(description).isEqualTo(allowed);
    }

    @Test
    void appliesToPrerecordedVoiceAndIvrButNotLiveCallsOrTexts() {
        assertThat(check(marketingSms().channel(Channel.IVR).body("Hello").build()).passed()).isFalse();
        assertThat(check(marketingSms().channel(Channel.VOICE).prerecorded(true).body("Hello").build()).passed()).isFalse();
        assertThat(check(marketingSms().channel(Channel.VOICE).body("Hello").build()).passed()).isTrue();
        assertThat(check(marketingSms().body("Hello").build()).passed()).isTrue();
    }

    @Test
    void aMissingScriptIsSaid() {
        Outcome outcome = check(marketingSms().channel(Channel.IVR).body(null).build());
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.CALLBACK_NUMBER_MISSING);
        assertThat(outcome.reason().message()).startsWith("No script was given");
    }
}
