package org.consentry.address;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberParserTest {

    private final PhoneNumberParser parser = new PhoneNumberParser();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+13055550100", "(305) 555-0100", "305-555-0100", "305.555.0100", "305 555 0100",
            "1-305-555-0100", "+1 (305) 555-0100", "13055550100", "3055550100"})
    void readsTheCommonUsFormats(String raw) {
        PhoneNumber number = parser.parse(raw, "US").orElseThrow();
        assertThat(number.e164()).isEqualTo("+13055550100");
        assertThat(number.region()).isEqualTo("US");
        assertThat(number.areaCode()).isEqualTo(305);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "+14165550100,    US, +14165550100, CA",
            "416 555 0100,    CA, +14165550100, CA",
            "+1 787 555 0100, US, +17875550100, PR",
            "+44 20 7946 0958, US, +442079460958, GB",
            "06 12 34 56 78,  FR, +33612345678, FR",
    })
    void placesNumbersInTheirRegion(String raw, String hint, String e164, String region) {
        PhoneNumber number = parser.parse(raw, hint).orElseThrow();
        assertThat(number.e164()).isEqualTo(e164);
        assertThat(number.region()).isEqualTo(region);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "555-0100", "+1 099 555 0100", "+1 000 310 0000", "+10003100000", "1 000 310 0000", "305 555 0100 ext. 12", "+1305555010", "hello", "+"})
    void refusesWhatIsNotAValidNumber(String raw) {
        assertThat(parser.parse(raw, "US")).isEmpty();
    }

    @Test
    void refusesNullInputAndNullRegion() {
        assertThat(parser.parse(null, "US")).isEmpty();
        assertThat(parser.parse("3055550100", null)).isEmpty();
        assertThat(parser.parse("+13055550100", null)).isPresent();
    }

    @Test
    void theFastPathDecidesTheCommonShapesItself() {
        NanpFastPath fastPath = new NanpFastPath(PhoneNumberUtil.getInstance());
        assertThat(fastPath.parse("+13055550100", "US").decided()).isTrue();
        assertThat(fastPath.parse("(305) 555-0100", "US").decided()).isTrue();
        assertThat(fastPath.parse("+1 299 555 0100", "US").decided()).as("decided invalid").isTrue();
        assertThat(fastPath.parse("+1 000 310 0000", "US").decided()).as("area code 000").isFalse();
        assertThat(fastPath.parse("+44 7911 123456", "US").decided()).as("not NANP").isFalse();
        assertThat(fastPath.parse("305 555 0100 x12", "US").decided()).as("extension").isFalse();
        assertThat(fastPath.parse("3055550100", "GB").decided()).as("national digits outside NANP").isFalse();
    }
}
