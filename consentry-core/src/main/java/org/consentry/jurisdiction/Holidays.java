package org.consentry.jurisdiction;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentry.ruledata.RuleDataFile;

/** The holiday calendars of {@value #FILE}, by id. */
public final class Holidays {

    public static final String FILE = "/org/consentry/rules/holidays.tsv";

    /** A month's short name, and days from the weekday found in it: {@code nov+1}. */
    private static final Pattern MONTH_AND_DAYS = Pattern.compile("([a-z]{3})([+-][1-7])?");

    private Holidays() {
    }

    public static Map<String, HolidayCalendar> load() {
        Map<String, List<HolidayCalendar.Rule>> rules = new LinkedHashMap<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(FILE).rows()) {
            rules.computeIfAbsent(row.get("calendar"), id -> new ArrayList<>()).add(rule(row));
        }
        Map<String, HolidayCalendar> calendars = new LinkedHashMap<>();
        rules.forEach((id, list) -> calendars.put(id, new HolidayCalendar(id, list)));
        return Map.copyOf(calendars);
    }

    static HolidayCalendar.Rule rule(RuleDataFile.Row row) {
        String name = row.get("name");
        String text = row.get("rule").toLowerCase(Locale.ROOT).strip();
        HolidayCalendar.Observed observed = observed(row);
        if (text.startsWith("easter")) {
            String offset = text.substring("easter".length());
            try {
                return HolidayCalendar.Rule.easter(name, offset.isEmpty() ? 0 : Integer.parseInt(offset.replace("+", "")), observed);
            } catch (NumberFormatException e) {
                throw row.problem("rule", "'" + text + "' is not easter+N or easter-N");
            }
        }
        if (text.matches("\\d\\d-\\d\\d")) {
            int month = Integer.parseInt(text.substring(0, 2));
            int day = Integer.parseInt(text.substring(3));
            if (month < 1 || month > 12 || day < 1 || day > Month.of(month).maxLength()) {
                throw row.problem("rule", "'" + text + "' is not a date MM-DD");
            }
            return HolidayCalendar.Rule.fixed(name, Month.of(month), day, observed);
        }
        String[] parts = text.split("\\s+");
        if (parts.length == 3) {
            int nth = List.of("first", "second", "third", "fourth", "last").indexOf(parts[0]) + 1;
            DayOfWeek weekday = parse(DayOfWeek.values(), parts[1]);
            // "fourth thu nov+1": a day counted from the weekday, within a week so that it stays in the month's year
            Matcher shifted = MONTH_AND_DAYS.matcher(parts[2]);
            Month month = shifted.matches() ? parse(Month.values(), shifted.group(1)) : null;
            int days = month != null && shifted.group(2) != null ? Integer.parseInt(shifted.group(2).replace("+", "")) : 0;
            boolean sameYear = month == null || (month != Month.JANUARY || days >= 0) && (month != Month.DECEMBER || days <= 0);
            if (nth > 0 && weekday != null && month != null && sameYear) {
                return HolidayCalendar.Rule.nthWeekday(name, nth, weekday, month, days, observed);
            }
        }
        throw row.problem("rule", "'" + text + "' is not MM-DD, '<first..fourth|last> <weekday> <month>[+N|-N]' or easter+N");
    }

    private static HolidayCalendar.Observed observed(RuleDataFile.Row row) {
        String text = row.get("observed");
        switch (text) {
            case "-": return HolidayCalendar.Observed.NONE;
            case "nearest-weekday": return HolidayCalendar.Observed.NEAREST_WEEKDAY;
            case "sunday-to-monday": return HolidayCalendar.Observed.SUNDAY_TO_MONDAY;
            default: throw row.problem("observed", "'" + text + "' is not -, nearest-weekday or sunday-to-monday");
        }
    }

    private static <T extends Enum<T>> T parse(T[] values, String text) {
        for (T value : values) {
            String shortName = value instanceof DayOfWeek
                    ? ((DayOfWeek) value).getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    : ((Month) value).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            if (shortName.toLowerCase(Locale.ROOT).equals(text)) {
                return value;
            }
        }
        return null;
    }
}
