package org.consentry.policy.rules.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DailyWindowTest {

    private static final DailyWindow FEDERAL = new DailyWindow(LocalTime.of(8, 0), LocalTime.of(21, 0));
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "07:59:59 is before,  07:59:59, false",
            "08:00 is the start,  08:00,    true",
            "20:59:59 is inside,  20:59:59, true",
            "21:00 is the end,    21:00,    false",
    })
    void includesItsStartAndExcludesItsEnd(String description, LocalTime time, boolean inside) {
        assertThat(FEDERAL.contains(time)).as(description).isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "inside: itself,                             2026-03-14T16:00:00Z, 2026-03-14T16:00:00Z",
            "before 08:00: 08:00 the same day,            2026-03-14T11:30:00Z, 2026-03-14T12:00:00Z",
            "after 21:00: 08:00 the next day,             2026-03-15T01:30:00Z, 2026-03-15T12:00:00Z",
            "night before spring forward: 08:00 EDT,      2026-03-08T03:00:00Z, 2026-03-08T12:00:00Z",
            "night before fall back: 08:00 EST,           2026-11-01T01:30:00Z, 2026-11-01T13:00:00Z",
            "the fall-back night itself at 01:30 EST,     2026-11-01T06:30:00Z, 2026-11-01T13:00:00Z",
    })
    void theEarliestLawfulInstantInOneZone(String description, Instant at, Instant expected) {
        assertThat(FEDERAL.earliestLawful(at, List.of(NEW_YORK))).as(description).isEqualTo(expected);
    }

    @Test
    void zonesThatShareNoWindowHaveNoLawfulInstant() {
        // any two 13-hour windows overlap somewhere on the clock; three zones 8 hours apart never do
        assertThat(FEDERAL.earliestLawful(Instant.parse("2026-03-14T16:00:00Z"), List.of(LONDON, SHANGHAI, LOS_ANGELES))).isNull();
    }

    @Test
    void twoZonesFarApartStillShareAWindow() {
        ZoneId guam = ZoneId.of("Pacific/Guam");
        ZoneId honolulu = ZoneId.of("Pacific/Honolulu");
        Instant lawful = FEDERAL.earliestLawful(Instant.parse("2026-03-14T16:00:00Z"), List.of(guam, honolulu));
        assertThat(FEDERAL.contains(lawful, guam)).isTrue();
        assertThat(FEDERAL.contains(lawful, honolulu)).isTrue();
    }

    @Test
    void aWindowMustStartBeforeItEnds() {
        assertThatThrownBy(() -> new DailyWindow(LocalTime.of(21, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
