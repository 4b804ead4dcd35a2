package org.consentry.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.consentry.address.PhoneNumberParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZoneLookupTest {

    private final ZoneLookup zones = ZoneLookup.load();
    private final PhoneNumberParser parser = new PhoneNumberParser();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "+13055550100  | America/New_York",
            "+18502000100  | America/Chicago America/New_York",
            "+18505550100  | America/Chicago America/New_York",
            "+19075550100  | America/Adak America/Anchorage America/Juneau",
            "+19282213333  | America/Denver America/Phoenix",
            "+12125550100  | America/New_York",
            "+14165550100  | America/Toronto",
            "+33612345678  | Europe/Paris",
            "+15005550100  | ",
            "+14482504567  | America/Chicago America/New_York",
            "+13642504567  | America/Chicago America/New_York",
            "+19302504567  | America/Chicago America/New_York",
            "+14582504567  | America/Denver America/Los_Angeles",
            "+12362504567  | America/Edmonton America/Vancouver",
            "+16722504567  | America/Edmonton America/Vancouver",
            "+15812504567  | America/Halifax America/Toronto",
            "+18792504567  | America/Halifax America/Puerto_Rico America/St_Johns",
            "+19152504567  | America/Chicago America/Denver",
            "+16892504567  | America/New_York",
    })
    void givesEveryZoneANumberMayRingIn(String number, String expected) {
        var actual = zones.zonesOf(parser.parse(number, "US").orElseThrow()).stream().map(ZoneId::getId).toList();
        if (expected == null) {
            assertThat(actual).as("unknown").isEmpty();
        } else {
            assertThat(actual).containsExactly(expected.split(" "));
        }
    }
}
