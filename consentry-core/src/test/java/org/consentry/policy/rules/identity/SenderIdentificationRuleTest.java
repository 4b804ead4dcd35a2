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

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Ace      | Ace: spring sale. Reply STOP to opt out.                   | true",
            "Ace      | Spring sale at ACE Hardware! Reply STOP to opt out.        | true",
            "Ace      | Spring sale at our place, 20% off. Reply STOP to opt out.  | false",
            "Ace      | Acetone 2 for 1 this week. Reply STOP to opt out.          | false",
            "A        | Spring sale, all day. Reply STOP to opt out.               | false",
            "H&M      | H&M: spring sale. Reply STOP to opt out.                   | true",
            "7-Eleven | 7-Eleven: 2 coffees for 1. Reply STOP to opt out.          | true",
            "Acme     | Acme's spring sale. Reply STOP to opt out.                 | true",
    })
    void theBrandIsNamedAsAWordNotFoundInsideOne(String brand, String body, boolean allowed) {
        SendRequest request = marketingSms().body(body).build();
        assertThat(rule.check(request, facts().brand(brand).of(request)).passed()).isEqualTo(allowed);
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
