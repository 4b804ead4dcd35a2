package org.consentry.policy.rules.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.consentry.jurisdiction.HolidayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallingHoursTest {

    private static final CallingHours FEDERAL = CallingHours.daily(LocalWindow.parse("08:00", "21:00"));
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "07:59:59 is before,  07:59:59, false",
            "08:00 is the start,  08:00,    true",
            "20:59:59 is inside,  20:59:59, true",
            "21:00 is the end,    21:00,    false",
    })
    void aWindowIncludesItsStartAndExcludesItsEnd(String description, LocalTime time, boolean inside) {
        assertThat(LocalWindow.parse("08:00", "21:00").contains(time)).as(description).isEqualTo(inside);
    }

    @Test
    void aWindowToMidnightRunsToTheEndOfTheDay() {
        LocalWindow evening = LocalWindow.parse("13:00", "24:00");
        assertThat(evening.contains(LocalTime.of(23, 59, 59))).isTrue();
        assertThat(evening.contains(LocalTime.of(12, 59))).isFalse();
        assertThat(evening.toString()).isEqualTo("13:00-24:00");
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
        List<ZoneId> zones = List.of(ZoneId.of("Europe/London"), ZoneId.of("Asia/Shanghai"), ZoneId.of("America/Los_Angeles"));
        assertThat(FEDERAL.earliestLawful(Instant.parse("2026-03-14T16:00:00Z"), zones)).isNull();
    }

    @Test
    void twoZonesFarApartStillShareAWindow() {
        ZoneId guam = ZoneId.of("Pacific/Guam");
        ZoneId honolulu = ZoneId.of("Pacific/Honolulu");
        Instant lawful = FEDERAL.earliestLawful(Instant.parse("2026-03-14T16:00:00Z"), List.of(guam, honolulu));
        assertThat(FEDERAL.allows(lawful, guam)).isTrue();
        assertThat(FEDERAL.allows(lawful, honolulu)).isTrue();
    }

    /** France, calls: weekdays 10:00-13:00 and 14:00-20:00, nothing on weekends or public holidays. */
    private static CallingHours france() {
        Map<DayOfWeek, List<LocalWindow>> byDay = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            byDay.put(day, List.of(LocalWindow.parse("10:00", "13:00"), LocalWindow.parse("14:00", "20:00")));
        }
        HolidayCalendar calendar = new HolidayCalendar("fr", List.of(
                new HolidayCalendar.Rule("Fête nationale", java.time.Month.JULY, 14, 0, null, null, HolidayCalendar.Observed.NONE),
                new HolidayCalendar.Rule("Lundi de Pâques", null, 0, 0, null, 1, HolidayCalendar.Observed.NONE)));
        return new CallingHours(byDay, List.of(), calendar);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "lunch break: 14:00,                 2026-03-16T13:30, 2026-03-16T14:00",
            "Friday evening: Monday 10:00,       2026-03-20T20:00, 2026-03-23T10:00",
            "Saturday: Monday 10:00,             2026-03-21T11:00, 2026-03-23T10:00",
            "Easter Monday: Tuesday 10:00,       2026-04-06T11:00, 2026-04-07T10:00",
            "Bastille Day (Tue): Wednesday 10:00, 2026-07-14T11:00, 2026-07-15T10:00",
            "inside the morning: itself,         2026-03-16T12:59, 2026-03-16T12:59",
    })
    void franceWaitsForTheNextWeekdayWindow(String description, String local, String expectedLocal) {
        Instant at = LocalDateTime.parse(local).atZone(PARIS).toInstant();
        assertThat(france().earliestLawful(at, List.of(PARIS)))
                .as(description).isEqualTo(LocalDateTime.parse(expectedLocal).atZone(PARIS).toInstant());
    }

    @Test
    void describesADaysWindows() {
        assertThat(france().describe(LocalDate.parse("2026-03-16"))).isEqualTo("10:00-13:00, 14:00-20:00");
        assertThat(france().describe(LocalDate.parse("2026-03-21"))).isEqualTo("no calls");
    }

    @Test
    void aWindowMustStartBeforeItEnds() {
        assertThatThrownBy(() -> LocalWindow.parse("21:00", "08:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
