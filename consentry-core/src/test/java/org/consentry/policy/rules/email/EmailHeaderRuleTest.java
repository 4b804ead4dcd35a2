package org.consentry.policy.rules.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingEmail;
import static org.consentry.testing.TestFacts.facts;

import java.util.List;
import java.util.Map;
import org.consentry.content.Brands;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.SenderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 15 U.S.C. 7704(a)(1)-(2). */
class EmailHeaderRuleTest {

    private final EmailHeaderRule rule = new EmailHeaderRule(Brands.load());

    private Outcome check(SendRequest request) {
        return rule.check(request, facts().of(request));
    }

    @Test
    void honestHeadersPass() {
        assertThat(check(marketingEmail().build()).passed()).isTrue();
    }

    @Test
    void anUnverifiedFromDomainIsMisleading() {
        SendRequest request = marketingEmail().build();
        Outcome outcome = rule.check(request, facts().sender(SenderStatus.UNKNOWN).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.EMAIL_HEADER_INVALID);
        assertThat(outcome.reason().message()).contains("not a verified domain");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "PayPal Security <news@acme.example>  | true",
            "Amaz0n Orders <news@acme.example>    | true",
            "Acme News <news@acme.example>        | false",
    })
    void aDisplayNameMayNotNameAnotherBrand(String from, boolean misleading) {
        assertThat(check(marketingEmail().from(from).build()).passed()).isEqualTo(!misleading);
    }

    @Test
    void aReplyToMayNotImpersonate() {
        Outcome outcome = check(marketingEmail().headers(Map.of("Reply-To", "support@paypal-help.example")).build());
        assertThat(outcome.reason().message()).contains("Reply-To").contains("PayPal");
        assertThat(check(marketingEmail().headers(Map.of("Reply-To", "help@acme.example")).build()).passed()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\": misleading={1}")
    @CsvSource(delimiter = '|', value = {
            "RE: your invoice     | true",
            "Fwd: special offer   | true",
            "Our spring sale      | false",
    })
    void aSubjectMayNotFakeAReply(String subject, boolean misleading) {
        assertThat(check(marketingEmail().subject(subject).build()).passed()).isEqualTo(!misleading);
    }

    @Test
    void aRealReplyMayStartWithRe() {
        SendRequest reply = marketingEmail().subject("Re: your question").headers(Map.of("In-Reply-To", "<abc@acme.example>")).build();
        assertThat(check(reply).passed()).isTrue();
        assertThat((List<?>) check(marketingEmail().subject("RE: x").build()).reason().evidence().get("problems")).hasSize(1);
    }
}
