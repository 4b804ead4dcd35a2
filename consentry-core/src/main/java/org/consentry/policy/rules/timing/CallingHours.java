package org.consentry.policy.rules.timing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.consentry.jurisdiction.HolidayCalendar;
import org.consentry.jurisdiction.LocalClock;

/**
 * When calls and texts may reach a recipient, in its local time: windows for each day of the week, and on
 * the holidays of a calendar the holiday windows instead (none: no calls that day). Across a DST change the
 * windows are read in local time, so 08:00 is 08:00 on both sides of it.
 */
public final class CallingHours {

    /** How far ahead the search for a lawful instant looks before it gives up. */
    private static final int HORIZON_DAYS = 21;
    private static final int MAX_STEPS = 64;

    private final Map<DayOfWeek, List<LocalWindow>> byDay;
    private final List<LocalWindow> onHolidays;
    private final HolidayCalendar holidays;
    /** The same windows as seconds of the day, start inclusive and end exclusive in pairs: per day of the week, and on holidays. */
    private final int[][] secondsByDay = new int[7][];
    private final int[] holidaySeconds;
    /** The words of {@link #describe(LocalDate)} per day of the week, and on holidays. */
    private final String[] describedByDay = new String[7];
    private final String describedOnHolidays;

    public CallingHours(Map<DayOfWeek, List<LocalWindow>> byDay, List<LocalWindow> onHolidays, HolidayCalendar holidays) {
        Map<DayOfWeek, List<LocalWindow>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            copy.put(day, sorted(byDay.getOrDefault(day, List.of())));
        }
        this.byDay = copy;
        this.onHolidays = sorted(onHolidays);
        this.holidays = holidays;
        for (DayOfWeek day : DayOfWeek.values()) {
            secondsByDay[day.ordinal()] = seconds(copy.get(day));
            describedByDay[day.ordinal()] = describe(copy.get(day));
        }
        this.holidaySeconds = seconds(this.onHolidays);
        this.describedOnHolidays = describe(this.onHolidays);
    }

    private static int[] seconds(List<LocalWindow> windows) {
        int[] seconds = new int[windows.size() * 2];
        for (int i = 0; i < windows.size(); i++) {
            LocalWindow window = windows.get(i);
            seconds[2 * i] = window.start().toSecondOfDay();
            seconds[2 * i + 1] = window.untilMidnight() ? 86_400 : window.end().toSecondOfDay();
        }
        return seconds;
    }

    /** The same window every day, no holidays. */
    public static CallingHours daily(LocalWindow window) {
        Map<DayOfWeek, List<LocalWindow>> byDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            byDay.put(day, List.of(window));
        }
        return new CallingHours(byDay, List.of(), null);
    }

    public List<LocalWindow> windowsOn(LocalDate date) {
        if (isHoliday(date)) {
            return onHolidays;
        }
        return byDay.get(date.getDayOfWeek());
    }

    public boolean isHoliday(LocalDate date) {
        return holidays != null && holidays.isHoliday(date);
    }

    public HolidayCalendar holidays() {
        return holidays;
    }

    public boolean allows(ZonedDateTime local) {
        return allows(local.toLocalDate().toEpochDay(), local.toLocalTime().toSecondOfDay());
    }

    public boolean allows(Instant at, ZoneId zone) {
        long local = LocalClock.localSeconds(at, zone);
        return allows(LocalClock.epochDay(local), LocalClock.secondOfDay(local));
    }

    /**
     * Whether a local second of a day is inside a window. Windows start and end on whole minutes, so the
     * second alone decides: 20:59:59.9 is inside a window ending at 21:00, as its second 20:59:59 is.
     */
    private boolean allows(long epochDay, int secondOfDay) {
        int[] windows = holidays != null && holidays.isHoliday(epochDay) ? holidaySeconds
                : secondsByDay[LocalClock.dayOfWeek(epochDay)];
        for (int i = 0; i < windows.length; i += 2) {
            if (secondOfDay >= windows[i] && secondOfDay < windows[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** The first instant at or after a local time that this schedule allows, or null within the horizon. */
    public Instant nextOpening(ZonedDateTime local) {
        if (allows(local)) {
            return local.toInstant();
        }
        LocalDate day = local.toLocalDate();
        for (int offset = 0; offset <= HORIZON_DAYS; offset++) {
            LocalDate date = day.plusDays(offset);
            for (LocalWindow window : windowsOn(date)) {
                // ZonedDateTime.of moves a start that falls in a DST gap forward by the gap: the first lawful instant
                Instant start = ZonedDateTime.of(date, window.start(), local.getZone()).toInstant();
                if (start.isAfter(local.toInstant())) {
                    return start;
                }
            }
        }
        return null;
    }

    /**
     * The earliest instant at or after {@code at} that this schedule allows in every zone: {@code at} itself
     * when it already is, null when the zones share no lawful time within the horizon.
     */
    public Instant earliestLawful(Instant at, List<ZoneId> zones) {
        Instant candidate = at;
        for (int step = 0; step < MAX_STEPS; step++) {
            Instant latest = candidate;
            boolean everywhere = true;
            for (ZoneId zone : zones) {
                ZonedDateTime local = candidate.atZone(zone);
                if (!allows(local)) {
                    everywhere = false;
                    Instant next = nextOpening(local);
                    if (next == null) {
                        return null;
                    }
                    if (next.isAfter(latest)) {
                        latest = next;
                    }
                }
            }
            if (everywhere) {
                return candidate;
            }
            if (latest.isAfter(at.plusSeconds(HORIZON_DAYS * 86_400L))) {
                return null;
            }
            candidate = latest;
        }
        return null;
    }

    /** The windows of a date in words, e.g. {@code 10:00-13:00, 14:00-20:00} or {@code no calls}. */
    public String describe(LocalDate date) {
        return isHoliday(date) ? describedOnHolidays : describedByDay[date.getDayOfWeek().ordinal()];
    }

    /**
     * The week in words, days with the same hours together, then holidays, e.g.
     * {@code Mon-Sat 08:00-20:00; Sun no calls; holidays (us-al) no calls}.
     */
    public String describeWeek() {
        List<String> parts = new ArrayList<>();
        DayOfWeek from = DayOfWeek.MONDAY;
        for (int day = 1; day <= 7; day++) {
            DayOfWeek current = DayOfWeek.of(day);
            boolean last = day == 7;
            if (last || !windowsOn(current).equals(windowsOn(current.plus(1)))) {
                String days = from == current ? name(from) : name(from) + "-" + name(current);
                parts.add(days + " " + describe(windowsOn(current)));
                if (!last) {
                    from = current.plus(1);
                }
            }
        }
        if (holidays != null) {
            parts.add("holidays (" + holidays.id() + ") " + describe(onHolidays));
        }
        return String.join("; ", parts);
    }

    private List<LocalWindow> windowsOn(DayOfWeek day) {
        return byDay.getOrDefault(day, List.of());
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
    }

    private static String describe(List<LocalWindow> windows) {
        return windows.isEmpty() ? "no calls" : windows.stream().map(LocalWindow::toString).collect(Collectors.joining(", "));
    }

    private static List<LocalWindow> sorted(List<LocalWindow> windows) {
        List<LocalWindow> copy = new ArrayList<>(windows);
        copy.sort((a, b) -> a.start().compareTo(b.start()));
        return List.copyOf(copy);
    }
}
