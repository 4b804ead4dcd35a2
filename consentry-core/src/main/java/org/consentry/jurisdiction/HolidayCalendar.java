package org.consentry.jurisdiction;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A jurisdiction's public holidays, computed per year from their rules. */
public final class HolidayCalendar {

    /** How a holiday that falls on a weekend is also observed on a weekday. */
    public enum Observed { NONE, NEAREST_WEEKDAY, SUNDAY_TO_MONDAY }

    /**
     * One holiday: a fixed date, an nth weekday of a month (nth 5 = last) shifted by {@code days} (the day after
     * Thanksgiving, the Tuesday after the first Monday), or a day relative to Easter.
     */
    public record Rule(String name, Month month, int day, int nth, DayOfWeek weekday, int days, Integer easterOffset,
                       Observed observed) {

        /** A rule without a shift of days. */
        public Rule(String name, Month month, int day, int nth, DayOfWeek weekday, Integer easterOffset, Observed observed) {
            this(name, month, day, nth, weekday, 0, easterOffset, observed);
        }

        static Rule fixed(String name, Month month, int day, Observed observed) {
            return new Rule(name, month, day, 0, null, 0, null, observed);
        }

        static Rule nthWeekday(String name, int nth, DayOfWeek weekday, Month month, Observed observed) {
            return nthWeekday(name, nth, weekday, month, 0, observed);
        }

        static Rule nthWeekday(String name, int nth, DayOfWeek weekday, Month month, int days, Observed observed) {
            return new Rule(name, month, 0, nth, weekday, days, null, observed);
        }

        static Rule easter(String name, int offset, Observed observed) {
            return new Rule(name, null, 0, 0, null, 0, offset, observed);
        }

        LocalDate in(int year) {
            if (easterOffset != null) {
                return easterSunday(year).plusDays(easterOffset);
            }
            if (weekday == null) {
                return LocalDate.of(year, month, day);
            }
            LocalDate first = LocalDate.of(year, month, 1);
            if (nth == 5) {
                return first.with(TemporalAdjusters.lastInMonth(weekday)).plusDays(days);
            }
            return first.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday)).plusDays(days);
        }
    }

    private final String id;
    private final List<Rule> rules;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    public HolidayCalendar(String id, List<Rule> rules) {
        this.id = id;
        this.rules = List.copyOf(rules);
    }

    public String id() {
        return id;
    }

    public boolean isHoliday(LocalDate date) {
        return byYear.computeIfAbsent(date.getYear(), this::datesIn).contains(date)
                || (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 31
                    && byYear.computeIfAbsent(date.getYear() + 1, this::datesIn).contains(date));
    }

    /** The days from which {@link #isHoliday(long)} answers from bits: 2000-01-01 to 2099-12-31. */
    private static final long FIRST_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long END_DAY = LocalDate.of(2100, 1, 1).toEpochDay();

    /** One bit per day from {@link #FIRST_DAY}, set on holidays; built on first use. */
    private volatile java.util.BitSet days;

    /** Whether a day, counted from 1970-01-01 as {@link LocalDate#toEpochDay()} does, is a holiday. */
    public boolean isHoliday(long epochDay) {
        if (epochDay < FIRST_DAY || epochDay >= END_DAY) {
            return isHoliday(LocalDate.ofEpochDay(epochDay));
        }
        java.util.BitSet bits = days;
        if (bits == null) {
            bits = new java.util.BitSet((int) (END_DAY - FIRST_DAY));
            for (int year = 1999; year <= 2100; year++) {
                for (LocalDate date : datesIn(year)) {
                    long day = date.toEpochDay();
                    if (day >= FIRST_DAY && day < END_DAY) {
                        bits.set((int) (day - FIRST_DAY));
                    }
                }
            }
            days = bits;
        }
        return bits.get((int) (epochDay - FIRST_DAY));
    }

    /** The name of the holiday on a date, or null. */
    public String nameOf(LocalDate date) {
        for (int year = date.getYear() - 1; year <= date.getYear() + 1; year++) {
            for (Rule rule : rules) {
                for (LocalDate day : observedDates(rule, year)) {
                    if (day.equals(date)) {
                        return rule.name();
                    }
                }
            }
        }
        return null;
    }

    private Set<LocalDate> datesIn(int year) {
        Set<LocalDate> dates = new HashSet<>();
        for (Rule rule : rules) {
            dates.addAll(observedDates(rule, year));
        }
        return Set.copyOf(dates);
    }

    private static Set<LocalDate> observedDates(Rule rule, int year) {
        LocalDate date = rule.in(year);
        Set<LocalDate> dates = new HashSet<>();
        dates.add(date);
        if (rule.observed() == Observed.NEAREST_WEEKDAY && date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            dates.add(date.minusDays(1));
        } else if (rule.observed() != Observed.NONE && date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            dates.add(date.plusDays(1));
        }
        return dates;
    }

    /** Western Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
