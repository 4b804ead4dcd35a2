package org.consentry.policy.rules.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingEmail;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.util.List;
import java.util.Map;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** CTIA Messaging Principles 5.1 (phishing, public shorteners) and providers' AUPs. */
class PhishingRuleTest {

    private final PhishingRule rule = PhishingRule.load();

    private Outcome check(String body) {
        SendRequest request = marketingSms().body(body).build();
        return rule.check(request, facts().of(request));
    }

    @SuppressWarnings("unchecked")
    private static String kind(Outcome outcome) {
        return ((List<Map<String, String>>) outcome.reason().evidence().get("signals")).get(0).get("kind");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Acme Bank: verify your password at our secure page now          | credentials",
            "Reply with the code we just sent you to keep your account        | credentials",
            "Please confirm your routing number to receive the refund         | bank",
            "Update your payment details or your order will be cancelled      | card",
            "Your parcel is waiting: bit.ly/3xYzAbc                           | shortener",
            "Claim it at http://185.23.4.11/claim                             | ip_link",
            "Sign in at https://paypa1-secure.com/login to restore access     | lookalike",
            "Account locked: https://amazon.account-update.info/restore       | lookalike",
            "Visit https://xn--pple-43d.com today                             | punycode",
            "Sign in at https://rnicrosoft-account.com/login to keep access  | lookalike",
            "Your parcel is waiting: <bit.ly/3xYzAbc>                         | shortener",
            "Your parcel is waiting <https://bit.ly/3xYzAbc>                  | shortener",
            "Review the charge at https://vvellsfargo-alerts.com/review      | lookalike",
    })
    void findsEachKindOfPhishing(String body, String kind) {
        Outcome outcome = check(body);
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.CONTENT_PHISHING);
        assertThat(kind(outcome)).isEqualTo(kind);
    }

    /** Browsers read a host whose last label is a number as an IPv4 address, in decimal, octal or hex (WHATWG URL). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Claim it at http://3105621003/claim",
            "Claim it at http://0xB91A040B/claim",
            "Claim it at http://0271.032.04.013/claim",
            "Claim it at http://0xb9.0x1a.0x4.0xb/claim",
            "Claim it at http://185.23.1035/claim",
            "Claim it at https://185.23.4.11./claim",
    })
    void findsLinksToAnIpAddressWrittenAsANumber(String body) {
        assertThat(kind(check(body))).isEqualTo("ip_link");
    }

    /** What stands before an @ in a link's authority is user info: the browser goes to the host after it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Sign in at https://paypal.com@evil.example/login to restore access",
            "Sign in at https://www.chase.com:secure@login-check.example/x",
            "Sign in at HTTPS://amazon.com%40orders@203-0-113-9.example/x",
    })
    void findsLinksWhoseUserInfoHidesTheirHost(String body) {
        Outcome outcome = check(body);
        assertThat(kind(outcome)).isEqualTo("userinfo");
        assertThat(outcome.reason().message()).contains("goes to");
    }

    /** Browsers decode percent-escapes in a host before going there. */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Your parcel is waiting: https://bit%2Ely/3xYzAbc     | shortener",
            "Your parcel is waiting: https://b%69t.ly/3xYzAbc     | shortener",
            "Sign in at https://%70aypa1-secure.com/login         | lookalike",
            "Claim it at http://185.23.4.%31%31/claim             | ip_link",
    })
    void readsPercentEscapesInHosts(String body, String kind) {
        assertThat(kind(check(body))).isEqualTo(kind);
    }

    @Test
    void findsLinkTextNamingAnotherDomain() {
        SendRequest email = marketingEmail().body("<p>Sign in: <a href=\"http://login-check.example.ru/x\">www.chase.com</a></p>").build();
        Outcome outcome = rule.check(email, facts().of(email));
        assertThat(kind(outcome)).isEqualTo("display_mismatch");
        assertThat(outcome.reason().message()).contains("shows www.chase.com but goes to login-check.example.ru");
    }

    /** A browser decodes character references in an href and in link text, and reads only the attribute named href. */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "<p><a href=\"https://b&#105;t.ly/3xYzAbc\">Track your parcel</a></p>                    | shortener",
            "<p><a href=\"https:&#x2F;&#x2F;bit.ly/3xYzAbc\">Track your parcel</a></p>               | shortener",
            "<p><a data-href=\"https://acme.example\" href=\"https://bit.ly/3xYzAbc\">Track</a></p> | shortener",
            "<p><a href=\"http://login-check.example.ru/x\">www.chase&#46;com</a></p>                 | display_mismatch",
            "<p><a href=\"//bit.ly/3xYzAbc\">Track your parcel</a></p>                                 | shortener",
            "<p><a href=\"https:\\bit.ly\\3xYzAbc\">Track your parcel</a></p>                       | shortener",
            "<p><a href=\"https:/bit.ly/3xYzAbc\">Track your parcel</a></p>                           | shortener",
            "<p><a href=\"HTTPS:bit.ly/3xYzAbc\">Track your parcel</a></p>                            | shortener",
    })
    void readsHrefsAndLinkTextAsTheBrowserDoes(String body, String kind) {
        SendRequest email = marketingEmail().body(body).build();
        assertThat(kind(rule.check(email, facts().of(email)))).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Acme: your code is 123456",
            "Acme: your password was changed. If this wasn't you, call 1-800-555-0199.",
            "Your Acme code is 482913. Never share this code with anyone, we will never ask for it.",
            "Do not share your password. Acme staff will never ask for it.",
            "Acme: your order shipped, track it at https://acme.example/track/123",
            "Pay your bill at https://www.paypal.com/invoice/123",
            "Enter code 123456 in the app to finish signing up",
            "Acme: our fall catalog is at https://modern-barn.example/fall",
            "Acme: version 2.4.10 of the app is out, see https://acme.example/v2.4.10",
    })
    void passesLegitimateCodesNoticesAndLinks(String body) {
        assertThat(check(body).passed()).isTrue();
    }

    /** Phones type the apostrophe as U+2019: "Don\u2019t share it" is the same warning as "Don't share it". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Acme: your code is 123456. Don\u2019t share it with anyone.",
            "Acme: 123456 is your code. Don\u2019t send it to anyone, we won\u2019t ask for it.",
            "Acme Bank: Don\u2019t reply with your password to anyone claiming to be us.",
            "Acme: your code is 123456. DON\u02BCT share it.",
            "Acme: your code is 123456. Don\u2018t share it.",
    })
    void readsTypographicApostrophesInWarningsAsApostrophes(String body) {
        assertThat(check(body).passed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Acme Bank: verify your p\u0430ssword at our secure page now",
            "Acme Bank: verify your pass\u200Bword at our secure page now",
            "Acme Bank: confirm your \uFF53\uFF53\uFF4E today",
            "<p>Acme Bank: verify your pass<b></b>word at our secure page now</p>",
            "<p>Acme Bank: verify your p&#97;ssword at our secure page now</p>",
            "Acme Bank: confirm your S.S.N. to keep your account open",
            "Acme Bank: reply with your P I N to unlock your card",
    })
    void readsDisguisedLettersInRequestsForSecrets(String body) {
        assertThat(check(body).reason().code()).isEqualTo(ReasonCode.CONTENT_PHISHING);
    }

    @Test
    void aTenantMayLinkToItsOwnBrandsLookAlikeNames() {
        assertThat(check("Your statement is ready at https://acme-billing.example/statements").passed()).isTrue();
    }
}
