package org.consentry.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import org.consentry.policy.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A state named by the request or the contact record places the recipient only when it is a state of its country. */
class RecipientResolverStateTest {

    private final RecipientResolver resolver = RecipientResolver.load();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a US state wins over the area code           | +13055550100 | NY | NY",
            "a code that is no state is not trusted       | +13055550100 | ZZ | FL",
            "a Canadian province for a US number is not   | +13055550100 | ON | FL",
            "a province for a Canadian number is trusted  | +14165550100 | QC | QC",
            "a US state for a Canadian number is not      | +14165550100 | FL | ON",
            "a lower-case code is not trusted as such     | +13055550100 | ny | FL",
    })
    void placesAPhoneNumberInANamedStateOnlyOfItsCountry(String description, String number, String state, String expected) {
        Recipient recipient = resolver.resolve(Channel.SMS, number, "US", new Placement(state, null, LineType.UNKNOWN, null));
        assertThat(recipient.subdivisions()).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a US state of a US address is trusted              | US | TX | TX",
            "a code that is no state leaves every state to apply | US | ZZ | ''",
            "a province for a US address leaves every state      | US | ON | ''",
            "a state for an address outside the US and Canada    | GB | TX | ''",
    })
    void placesAnEmailAddressInANamedStateOnlyOfItsCountry(String description, String country, String state, String expected) {
        Recipient recipient = resolver.resolve(Channel.EMAIL, "ana@example.com", "US", new Placement(state, country, LineType.UNKNOWN, null));
        if (expected.isEmpty()) {
            assertThat(recipient.subdivisions()).isEmpty();
        } else {
            assertThat(recipient.subdivisions()).containsExactly(expected);
        }
    }
}
