package org.consentry.policy.rules.timing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A window of local time, the same every day: it includes its start and excludes its end. Across a DST
 * change the window is read in local time, so 08:00 is 08:00 on both sides of it.
 */
public record DailyWindow(LocalTime start, LocalTime end) {

    /** How many times the search may move forward before it decides the zones share no window. */
    private static final int MAX_STEPS = 32;

    public DailyWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a window must start before it ends: " + start + "-" + end);
        }
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    public boolean contains(Instant at, ZoneId zone) {
        return contains(at.atZone(zone).toLocalTime());
    }

    /**
     * The earliest instant at or after {@code at} that is inside the window in every zone: {@code at}
     * itself when it already is, null when the zones share no window at all.
     */
    public Instant earliestLawful(Instant at, List<ZoneId> zones) {
        Instant candidate = at;
        for (int step = 0; step < MAX_STEPS; step++) {
            Instant latestStart = candidate;
            boolean everywhere = true;
            for (ZoneId zone : zones) {
                ZonedDateTime local = candidate.atZone(zone);
                if (!contains(local.toLocalTime())) {
                    everywhere = false;
                    Instant next = nextStart(local);
                    if (next.isAfter(latestStart)) {
                        latestStart = next;
                    }
                }
            }
            if (everywhere) {
                return candidate;
            }
            candidate = latestStart;
        }
        return null;
    }

    /** The next start of the window after a local time that is outside it. */
    private Instant nextStart(ZonedDateTime local) {
        LocalDate day = local.toLocalTime().isBefore(start) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        // ZonedDateTime.of moves a start that falls in a DST gap forward by the gap: the first lawful instant
        Instant next = ZonedDateTime.of(day, start, local.getZone()).toInstant();
        return next.isAfter(local.toInstant()) ? next : ZonedDateTime.of(day.plusDays(1), start, local.getZone()).toInstant();
    }

    @Override public String toString() {
        return start + "-" + end;
    }
}
