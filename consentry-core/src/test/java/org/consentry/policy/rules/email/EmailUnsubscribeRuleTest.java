package org.consentry.policy.rules.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingEmail;
import static org.consentry.testing.TestFacts.facts;

import java.util.List;
import java.util.Map;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.TenantSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 15 U.S.C. 7704(a)(3)-(5); RFC 8058; Gmail and Yahoo bulk sender requirements. */
class EmailUnsubscribeRuleTest {

    private static final Map<String, String> ONE_CLICK = Map.of(
            "List-Unsubscribe", "<https://acme.example/u/abc>, <mailto:u@acme.example?subject=abc>",
            "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    private final EmailUnsubscribeRule rule = new EmailUnsubscribeRule();

    private static TenantSettings volume(int perDay) {
        return new TenantSettings(false, false, false, List.of(), null, 60, perDay);
    }

    private Outcome check(SendRequest request, TenantSettings settings) {
        return rule.check(request, facts().settings(settings).of(request));
    }

    @Test
    void marketingEmailNeedsAnUnsubscribeLink() {
        assertThat(check(marketingEmail().build(), TenantSettings.DEFAULTS).passed()).isTrue();
        Outcome outcome = check(marketingEmail().body("<p>Acme sale!</p><p>1 Main St</p>").build(), TenantSettings.DEFAULTS);
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.EMAIL_UNSUBSCRIBE_MISSING);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a visible footer link                  | Spring sale                    | <p>Sale</p><a href='https://acme.example/shop'>Shop</a><p><a href='https://acme.example/u'>Unsubscribe</a></p> | true",
            "click here, then the word              | Spring sale                    | <p>Sale</p><p>Click <a href='https://acme.example/u'>here</a> to unsubscribe.</p>               | true",
            "the footer commented out               | Spring sale                    | <p>Sale</p><a href='https://acme.example/shop'>Shop</a><!-- <a href='https://acme.example/u'>Unsubscribe</a> --> | false",
            "the only link commented out            | Spring sale                    | <p>Sale</p><!-- <p><a href='https://acme.example/u'>Unsubscribe</a></p> -->                    | false",
            "the word in the subject line only      | Unsubscribe anytime, 20% off   | <p>Sale</p><a href='https://acme.example/shop'>Shop</a>                                          | false",
            "the word in an attribute only          | Spring sale                    | <p class='unsubscribe'>Sale</p><a href='https://acme.example/shop'>Shop</a>                      | false",
    })
    void theUnsubscribeLinkIsOneTheReaderSees(String description, String subject, String body, boolean allowed) {
        SendRequest request = marketingEmail().subject(subject).body(body).build();
        assertThat(check(request, TenantSettings.DEFAULTS).passed()).as(description).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} emails a day, one-click headers {1}: allowed={2}")
    @CsvSource({
            "4999, false, true",
            "5000, false, false",
            "5001, true,  true",
    })
    void bulkSendersAlsoNeedOneClickHeaders(int perDay, boolean headers, boolean allowed) {
        SendRequest request = marketingEmail().headers(headers ? ONE_CLICK : Map.of()).build();
        assertThat(check(request, volume(perDay)).passed()).isEqualTo(allowed);
    }

    @Test
    void aMailtoOnlyHeaderOrAMissingPostIsNotOneClick() {
        SendRequest mailtoOnly = marketingEmail().headers(Map.of("List-Unsubscribe", "<mailto:u@acme.example>",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")).build();
        assertThat(check(mailtoOnly, volume(10_000)).reason().message()).contains("https URI");
        SendRequest noPost = marketingEmail().headers(Map.of("list-unsubscribe", "<https://acme.example/u/abc>")).build();
        assertThat(check(noPost, volume(10_000)).reason().message()).contains("List-Unsubscribe-Post");
    }

    @Test
    void transactionalEmailIsNotBound() {
        assertThat(check(marketingEmail().purpose(Purpose.TRANSACTIONAL).body("Your receipt").build(), volume(10_000)).passed()).isTrue();
    }
}
