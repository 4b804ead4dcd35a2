package org.consentry.policy.rules.identity;

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

/** 47 CFR 64.1200(b)(1), (d)(4); CTIA Messaging Principles 5.1. */
class SenderIdentificationRuleTest {

    private final SenderIdentificationRule rule = new SenderIdentificationRule();

    private Outcome check(SendRequest request) {
        return rule.check(request, facts().of(request));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Acme: spring sale. Reply STOP to opt out.  | true",
            "ACME spring sale. Reply STOP to opt out.   | true",
            "Spring sale! Reply STOP to opt out.        | false",
    })
    void marketingTextsNameTheBrand(String body, boolean allowed) {
        assertThat(check(marketingSms().body(body).build()).passed()).isEqualTo(allowed);
    }

    @Test
    void anEmailMayNameItInTheFromName() {
        assertThat(check(marketingEmail().from("Acme <news@acme.example>").body("<p>Sale</p>").build()).passed()).isTrue();
        Outcome outcome = check(marketingEmail().from("news@acme.example").body("<p>Sale</p>").build());
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.SENDER_IDENTIFICATION_MISSING);
    }

    @Test
    void aPrerecordedCallWithoutAScriptCannotBeChecked() {
        Outcome outcome = check(marketingSms().channel(Channel.VOICE).prerecorded(true).body(null).build());
        assertThat(outcome.reason().message()).contains("no text or script was given");
        assertThat(check(marketingSms().channel(Channel.VOICE).body(null).build()).passed()).as("a live call").isTrue();
    }

    @Test
    void transactionalMessagesAreNotBound() {
        assertThat(check(transactionalSms().body("Your order shipped").build()).passed()).isTrue();
    }
}
