package org.consentry.policy.rules.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingEmail;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** 15 U.S.C. 7704(a)(5)(A)(iii). */
class EmailPostalAddressRuleTest {

    private final EmailPostalAddressRule rule = new EmailPostalAddressRule();

    private Outcome check(String body) {
        SendRequest request = marketingEmail().body(body).build();
        return rule.check(request, facts().of(request));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the registered address     | <p>Sale</p><footer>Acme Inc., 1 Main St, Miami FL 33101</footer> | true",
            "another street address     | <p>Sale</p><footer>Acme, 200 Ocean Drive, Suite 4, Miami</footer> | true",
            "a post office box          | <p>Sale</p><footer>Acme, P.O. Box 1234, Miami FL</footer>         | true",
            "no address                 | <p>Sale</p><footer>Acme Inc.</footer>                             | false",
            "the address commented out  | <p>Sale</p><footer>Acme Inc.<!-- 1 Main St, Miami FL 33101 --></footer> | false",
            "an address in a tag only   | <p>Sale</p><footer title='200 Ocean Drive'>Acme Inc.</footer>     | false",
    })
    void marketingEmailCarriesAPostalAddress(String description, String body, boolean allowed) {
        assertThat(check(body).passed()).as(description).isEqualTo(allowed);
    }

    @Test
    void anAddressInTheSubjectLineIsNotInTheMessage() {
        SendRequest request = marketingEmail().subject("Sale at 1 Main St today").body("<p>Sale</p><footer>Acme Inc.</footer>").build();
        assertThat(rule.check(request, facts().of(request)).passed()).isFalse();
    }

    @Test
    void namesTheRegisteredAddressWhenMissing() {
        Outcome outcome = check("<p>Sale</p>");
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.EMAIL_POSTAL_ADDRESS_MISSING);
        assertThat(outcome.reason().message()).contains("1 Main St, Miami FL 33101");
    }

    @Test
    void transactionalEmailIsNotBound() {
        SendRequest request = marketingEmail().purpose(Purpose.TRANSACTIONAL).body("Your receipt").build();
        assertThat(rule.check(request, facts().of(request)).passed()).isTrue();
    }
}
