package org.consentry.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RestrictedIndustriesTest {

    private final RestrictedIndustries restricted = RestrictedIndustries.load();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Cannabis dispensary   | illegal substances (federal)",
            "payday loans          | high-risk financial services",
            "High interest loans   | high-risk financial services",
            "third-party lead generation | third-party lead generation",
            "online casino         | gambling",
            "Vape shop             | tobacco (SHAFT)",
    })
    void refusesRestrictedIndustries(String industry, String category) {
        assertThat(restricted.categoryOf(industry)).hasValue(category);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"retail", "healthcare", "restaurants", "banking", "loans servicing", "education"})
    void acceptsOrdinaryIndustries(String industry) {
        assertThat(restricted.categoryOf(industry)).isEmpty();
    }
}
