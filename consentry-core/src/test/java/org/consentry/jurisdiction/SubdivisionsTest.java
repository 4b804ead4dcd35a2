package org.consentry.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubdivisionsTest {

    private final Subdivisions states = Subdivisions.load();

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource({
            "FL, US, true", "DC, US, true", "PR, US, true", "PR, PR, true", "FL, PR, true", "ON, CA, true", "YT, CA, true",
            "ON, US, false", "FL, CA, false", "ZZ, US, false", "FL, GB, false", "fl, US, false", "QC, , false",
    })
    void knowsTheStatesOfEachCountry(String code, String region, boolean expected) {
        assertThat(states.isOf(code, region)).isEqualTo(expected);
    }

    @Test
    void holdsFiftyStatesOneDistrictSixOutlyingAreasAndThirteenProvincesAndTerritories() {
        long us = "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR UM VI"
                .chars().filter(c -> c == ' ').count() + 1;
        assertThat(us).isEqualTo(57);
        for (String code : "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR UM VI".split(" ")) {
            assertThat(states.countryOf(code)).as(code).isEqualTo("US");
        }
        for (String code : "AB BC MB NB NL NS NT NU ON PE QC SK YT".split(" ")) {
            assertThat(states.countryOf(code)).as(code).isEqualTo("CA");
        }
    }
}
