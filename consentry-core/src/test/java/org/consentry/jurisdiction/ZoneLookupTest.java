package org.consentry.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.consentry.address.PhoneNumberParser;
import org.consentry.ruledata.RuleDataFile;
import org.junit.jupiter.api.Test;
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

    /** A mobile carries no place: in a country of several zones it may ring in any (the mapper says Sydney for all). */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "an Australian mobile, maybe in Perth      | +61412345678   | Australia/Perth Australia/Eucla Australia/Adelaide Australia/Sydney Australia/Lord_Howe",
            "a Russian mobile, Kaliningrad to Kamchatka | +79161234567   | Europe/Kaliningrad Europe/Moscow Asia/Kamchatka",
            "a Spanish mobile, maybe in the Canaries    | +34612345678   | Atlantic/Canary Europe/Madrid",
            "a Portuguese mobile, maybe in the Azores   | +351912345678  | Atlantic/Azores Europe/Lisbon",
            "a New Zealand mobile, maybe on the Chathams| +6421123456    | Pacific/Auckland Pacific/Chatham",
            "an Ecuadorian mobile, maybe on Galapagos   | +593991234567  | America/Guayaquil Pacific/Galapagos",
    })
    void placesAMobileInEveryZoneOfItsCountry(String description, String number, String expected) {
        List<ZoneId> actual = zones.zonesOf(parser.parse(number, "US").orElseThrow());
        assertThat(actual).extracting(ZoneId::getId).contains(expected.split(" "));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "a Perth landline                   | +61892345678   | Australia/Adelaide Australia/Perth",
            "a Sydney landline                  | +61298765432   | Australia/Sydney",
            "a Moscow landline                  | +74951234567   | Europe/Moscow",
            "a Sao Paulo mobile (area code DDD) | +5511987654321 | America/Sao_Paulo",
            "a French mobile, one zone          | +33612345678   | Europe/Paris",
    })
    void keepsTheZoneOfANumberThatCarriesItsPlace(String description, String number, String expected) {
        var actual = zones.zonesOf(parser.parse(number, "US").orElseThrow()).stream().map(ZoneId::getId).toList();
        assertThat(actual).containsExactly(expected.split(" "));
    }

    @Test
    void listsOnlyCountriesOfSeveralZonesOutsideTheAreaCodes() {
        for (RuleDataFile.Row row : RuleDataFile.resource(ZoneLookup.COUNTRY_FILE).rows()) {
            assertThat(row.get("zones").split(",")).as(row.get("region")).hasSizeGreaterThan(1);
            assertThat(row.get("region")).isNotIn("US", "CA");
        }
    }
}
