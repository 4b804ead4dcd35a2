package org.consentry.policy.rules.timing;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A window of local time within one day: it includes its start and excludes its end; a window
 * {@code untilMidnight} runs to the end of the day (written 24:00).
 */
public record LocalWindow(LocalTime start, LocalTime end, boolean untilMidnight) {

    public LocalWindow {
        Objects.requireNonNull(start, "start");
        if (!untilMidnight) {
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("a window must start before it ends: " + start + "-" + end);
            }
        }
    }

    public static LocalWindow of(LocalTime start, LocalTime end) {
        return new LocalWindow(start, end, false);
    }

    /** Parses {@code HH:MM} and {@code HH:MM} or {@code 24:00}. */
    public static LocalWindow parse(String start, String end) {
        return "24:00".equals(end) ? new LocalWindow(LocalTime.parse(start), null, true)
                : new LocalWindow(LocalTime.parse(start), LocalTime.parse(end), false);
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && (untilMidnight || time.isBefore(end));
    }

    @Override public String toString() {
        return start + "-" + (untilMidnight ? "24:00" : end.toString());
    }
}
