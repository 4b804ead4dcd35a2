package org.consentry.tenant;

import java.time.LocalTime;
import java.util.Objects;

/** A daily window of local time a tenant allows itself, e.g. 10:00-19:00; it includes its start, excludes its end. */
public record DailyHours(LocalTime start, LocalTime end) {

    public DailyHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("the window must start before it ends");
        }
    }

    @Override public String toString() {
        return start + "-" + end;
    }
}
