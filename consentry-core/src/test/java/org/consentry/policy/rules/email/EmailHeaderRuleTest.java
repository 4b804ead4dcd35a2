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
            "Re[2]: your invoice  | true",
            "RE(3): your invoice  | true",
            "[Acme] RE: your order | true",
            "RE： your invoice    | true",
            "Fw : special offer   | true",
            "Our spring sale      | false",
            "Remember: sale ends  | false",
            "Trade-in: up to $500 | false",
            "[Acme] Spring sale   | false",
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "under: the verified domain itself              | From        | Acme News <news@acme.example>             | false",
            "at: a domain under the verified one            | From        | news@mail.acme.example                    | false",
            "over: another account's domain                 | From        | news@bob.example                          | true",
            "over: a look-alike ending in the verified name | From        | news@evilacme.example                     | true",
            "over: the verified name under another domain   | From        | news@acme.example.bob.example             | true",
            "a lower-case header name                       | from        | news@bob.example                          | true",
            "an upper-case header name                      | FROM        | news@bob.example                          | true",
            "a header name with spaces around it            | ' From '    | news@bob.example                          | true",
            "Sender of the verified domain                  | Sender      | list@acme.example                         | false",
            "Sender of another domain                       | Sender      | list@bob.example                          | true",
            "Return-Path under the verified domain          | Return-Path | <bounce+1@mail.acme.example>              | false",
            "Return-Path of another domain                  | return-path | <bounce@bob.example>                      | true",
            "a null Return-Path names no sender             | Return-Path | <>                                        | true",
            "two From addresses, both verified              | From        | a@acme.example, \"B\" <b@news.acme.example> | false",
            "two From addresses, the second another's       | From        | a@acme.example, b@bob.example             | true",
            "another's address in a group                   | From        | Team: a@acme.example, b@bob.example;      | true",
            "a From that names no one                       | From        | undisclosed-recipients:;                  | true",
            "a From that cannot be read                     | From        | Acme <news@acme.example                   | true",
            "another's address as the display name          | From        | news@bob.example <news@acme.example>      | true",
            "an empty From                                  | From        | ''                                        | true",
    })
    void everyAddressOfFromSenderAndReturnPathIsOfAVerifiedDomain(String description, String header, String value, boolean misleading) {
        Outcome outcome = check(marketingEmail().headers(Map.of(header, value)).build());
        assertThat(outcome.passed()).as(description).isEqualTo(!misleading);
        if (misleading) {
            assertThat(outcome.reason().code()).isEqualTo(ReasonCode.EMAIL_HEADER_INVALID);
            assertThat(outcome.reason().message()).contains("the " + header.strip().substring(0, 1).toUpperCase());
        }
    }

    @Test
    void theEvidenceNamesTheHeaderAndTheAddress() {
        Outcome outcome = check(marketingEmail().headers(Map.of("from", "Acme <news@acme.example>, \"Bob\" <News@Bob.example>",
                "Sender", "list@acme.example")).build());
        assertThat(outcome.reason().message()).contains("the From header names news@bob.example, not of a verified domain");
        assertThat(outcome.reason().evidence().get("header_addresses"))
                .isEqualTo(List.of(Map.of("header", "From", "address", "news@bob.example")));
    }

    @Test
    void aHeaderThatCannotBeReadIsNamedWithItsValue() {
        Outcome outcome = check(marketingEmail().headers(Map.of("Return-Path", "<>")).build());
        assertThat(outcome.reason().message()).contains("the Return-Path header '<>' is not an address that can be read");
        assertThat(outcome.reason().evidence().get("header_addresses"))
                .isEqualTo(List.of(Map.of("header", "Return-Path", "address", "<>")));
    }

    @Test
    void everyHeaderGivenInSeveralCasesIsChecked() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("From", "news@acme.example");
        headers.put("from", "news@bob.example");
        assertThat(check(marketingEmail().headers(headers).build()).reason().evidence().get("header_addresses"))
                .isEqualTo(List.of(Map.of("header", "From", "address", "news@bob.example")));
    }

    @Test
    void aDomainVerifiedForTheAccountBesidesTheSendersOwnPasses() {
        SendRequest request = marketingEmail().headers(Map.of("Sender", "list@acme-mail.example")).build();
        assertThat(rule.check(request, facts().emailDomains("acme.example", "acme-mail.example").of(request)).passed()).isTrue();
        assertThat(rule.check(request, facts().emailDomains("acme.example").of(request)).passed()).isFalse();
    }
}
