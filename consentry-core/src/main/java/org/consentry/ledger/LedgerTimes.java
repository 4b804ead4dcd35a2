package org.consentry.ledger;

import java.time.Instant;

/**
 * Reads back the instants the ledger writes ({@link Instant#toString()}: {@code 2026-03-01T12:00:00.123Z}) without
 * {@link Instant#parse}'s general formatter, which was a tenth of a replay's reading. Only the plain form is read
 * here, every field within its usual range; anything else (other years, leap seconds, offsets) goes to
 * {@link Instant#parse}, so the answer and the errors are always {@link Instant#parse}'s.
 */
public final class LedgerTimes {

    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private LedgerTimes() {
    }

    /** @throws java.time.format.DateTimeParseException as {@link Instant#parse} does */
    public static Instant parse(CharSequence text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = fraction(text, 19, length - 1);
        if ((year | month | day | hour | minute | second | nanos) < 0 || year < 1000 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]
                || (month == 2 && day == 29 && !leap(year)) || hour > 23 || minute > 59 || second > 59) {
            return Instant.parse(text);
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /**
     * {@link Instant#toString()}, written directly for the years 1000 to 9999 (the chain hash of every event replayed
     * at start covers its time in this form).
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < EARLIEST || seconds > LATEST) {
            return instant.toString();
        }
        long epochDay = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(epochDay);
        char[] out = new char[30];
        int at = put(out, 0, date.getYear(), 4);
        out[at++] = '-';
        at = put(out, at, date.getMonthValue(), 2);
        out[at++] = '-';
        at = put(out, at, date.getDayOfMonth(), 2);
        out[at++] = 'T';
        at = put(out, at, secondOfDay / 3_600, 2);
        out[at++] = ':';
        at = put(out, at, secondOfDay / 60 % 60, 2);
        out[at++] = ':';
        at = put(out, at, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            out[at++] = '.';
            if (nanos % 1_000_000 == 0) {
                at = put(out, at, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                at = put(out, at, nanos / 1_000, 6);
            } else {
                at = put(out, at, nanos, 9);
            }
        }
        out[at++] = 'Z';
        return new String(out, 0, at);
    }

    private static final long EARLIEST = -30_610_224_000L; // 1000-01-01T00:00:00Z
    private static final long LATEST = 253_402_300_799L; // 9999-12-31T23:59:59Z

    private static int put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    /** The number the digits spell, or a negative number if one of them is not a digit. */
    private static int digits(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return Integer.MIN_VALUE;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Nanoseconds of {@code .d} to {@code .ddddddddd} (or none), or a negative number for anything else. */
    private static int fraction(CharSequence text, int from, int to) {
        if (from == to) {
            return 0;
        }
        int count = to - from - 1;
        if (text.charAt(from) != '.' || count < 1 || count > 9) {
            return -1;
        }
        int value = digits(text, from + 1, to);
        if (value < 0) {
            return -1;
        }
        for (int i = count; i < 9; i++) {
            value *= 10;
        }
        return value;
    }

    private static boolean leap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days from 1970-01-01 (the proleptic Gregorian calendar, as {@link java.time.LocalDate#toEpochDay()}). */
    private static long epochDay(int year, int month, int day) {
        long priorYears = year - 1L;
        long days = 365 * priorYears + priorYears / 4 - priorYears / 100 + priorYears / 400 + DAYS_BEFORE_MONTH[month - 1] + day - 1;
        if (month > 2 && leap(year)) {
            days++;
        }
        return days - 719_162L; // days from 0001-01-01 to 1970-01-01
    }
}
