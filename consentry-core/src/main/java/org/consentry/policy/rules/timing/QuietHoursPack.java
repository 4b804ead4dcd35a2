package org.consentry.policy.rules.timing;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consentry.jurisdiction.HolidayCalendar;
import org.consentry.jurisdiction.Holidays;
import org.consentry.policy.Channel;
import org.consentry.ruledata.RuleDataFile;

/**
 * One jurisdiction's calling hours for marketing, read from {@value #FILE}.
 *
 * @param id           e.g. {@code us-fl}
 * @param regions      the ISO regions of the numbers it binds (a number's region from libphonenumber)
 * @param subdivisions the states or provinces it binds; empty for the whole region
 * @param channels     the channels it binds
 * @param alsoIn       a fixed zone in which the hours bind as well as in the recipient's, where the law names one
 *                     (Mississippi's "Central Standard Time"); null for none
 * @param citation     the provision
 */
public record QuietHoursPack(String id, String name, Set<String> regions, Set<String> subdivisions, Set<Channel> channels,
                             CallingHours hours, ZoneId alsoIn, String citation, String source) {

    public static final String FILE = "/org/consentry/rules/quiet-hours.tsv";

    public static List<QuietHoursPack> load() {
        Map<String, HolidayCalendar> calendars = Holidays.load();
        Map<String, List<RuleDataFile.Row>> byPack = new LinkedHashMap<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(FILE).rows()) {
            byPack.computeIfAbsent(row.get("pack"), id -> new ArrayList<>()).add(row);
        }
        List<QuietHoursPack> packs = new ArrayList<>();
        byPack.forEach((id, rows) -> packs.add(pack(id, rows, calendars)));
        return List.copyOf(packs);
    }

    private static QuietHoursPack pack(String id, List<RuleDataFile.Row> rows, Map<String, HolidayCalendar> calendars) {
        RuleDataFile.Row first = rows.get(0);
        for (RuleDataFile.Row row : rows) {
            for (String shared : List.of("name", "regions", "subdivisions", "channels", "holidays", "also_in", "citation")) {
                if (!row.get(shared).equals(first.get(shared))) {
                    throw row.problem(shared, "differs from line " + first.line() + " of the same pack " + id);
                }
            }
        }
        Map<DayOfWeek, List<LocalWindow>> byDay = new EnumMap<>(DayOfWeek.class);
        List<LocalWindow> holidayWindows = new ArrayList<>();
        for (RuleDataFile.Row row : rows) {
            LocalWindow window = window(row);
            String days = row.get("days");
            if ("holiday".equals(days)) {
                holidayWindows.add(window);
            } else {
                for (DayOfWeek day : days(row, days)) {
                    byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(window);
                }
            }
        }
        String calendarId = first.get("holidays");
        HolidayCalendar calendar = null;
        if (!"-".equals(calendarId)) {
            calendar = calendars.get(calendarId);
            if (calendar == null) {
                throw first.problem("holidays", "no calendar '" + calendarId + "' in " + Holidays.FILE);
            }
        }
        String subdivisions = first.get("subdivisions");
        return new QuietHoursPack(id, first.get("name"), Set.of(first.get("regions").split(",")),
                "*".equals(subdivisions) ? Set.of() : Set.of(subdivisions.split(",")), channels(first),
                new CallingHours(byDay, holidayWindows, calendar), alsoIn(first), first.get("citation"), first.get("source"));
    }

    private static ZoneId alsoIn(RuleDataFile.Row row) {
        String zone = row.get("also_in");
        if ("-".equals(zone)) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw row.problem("also_in", "'" + zone + "' is not a time zone");
        }
    }

    private static LocalWindow window(RuleDataFile.Row row) {
        try {
            return LocalWindow.parse(row.get("start"), row.get("end"));
        } catch (DateTimeParseException e) {
            throw row.problem("start", "times must be HH:MM (or 24:00 for an end)");
        } catch (IllegalArgumentException e) {
            throw row.problem("end", e.getMessage());
        }
    }

    private static Set<DayOfWeek> days(RuleDataFile.Row row, String days) {
        switch (days) {
            case "mon-sun": return EnumSet.allOf(DayOfWeek.class);
            case "mon-sat": return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
            case "mon-fri": return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            case "sat-sun": return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            case "sat": return EnumSet.of(DayOfWeek.SATURDAY);
            case "sun": return EnumSet.of(DayOfWeek.SUNDAY);
            default: throw row.problem("days", "'" + days + "' is not mon-sun, mon-sat, mon-fri, sat-sun, sat, sun or holiday");
        }
    }

    private static Set<Channel> channels(RuleDataFile.Row row) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String name : row.get("channels").split(",")) {
            channels.add(Channel.fromWire(name).orElseThrow(() -> row.problem("channels", "'" + name + "' is not a channel")));
        }
        return channels;
    }

    public static QuietHoursPack load(String id) {
        return load().stream().filter(pack -> pack.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(FILE + " has no pack '" + id + "'"));
    }
}
