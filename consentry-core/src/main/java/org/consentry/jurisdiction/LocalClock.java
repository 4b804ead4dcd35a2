package org.consentry.jurisdiction;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local time in a zone as plain numbers (seconds since 1970-01-01T00:00 local), for the hot path of the
 * calling-hours rules. A zone's offset changes twice a year at most, so each zone keeps the span between two
 * transitions it was last asked about, and an instant inside it needs no look-up in the zone's rules.
 */
public final class LocalClock {

    /** From {@code from} (inclusive) to {@code until} (exclusive), in epoch seconds, the zone is {@code offset} seconds from UTC. */
    private record Span(long from, long until, int offset) {
    }

    private static final Map<ZoneId, Span> SPANS = new ConcurrentHashMap<>();

    private LocalClock() {
    }

    /** Seconds since 1970-01-01T00:00 in the zone's local time at this instant (whole seconds, rounded down). */
    public static long localSeconds(Instant at, ZoneId zone) {
        long second = at.getEpochSecond();
        Span span = SPANS.get(zone);
        if (span == null || second < span.from() || second >= span.until()) {
            span = spanAt(zone, at);
            SPANS.put(zone, span);
        }
        return second + span.offset();
    }

    /** The day of a local time in seconds, counted as {@link java.time.LocalDate#toEpochDay()} counts. */
    public static long epochDay(long localSeconds) {
        return Math.floorDiv(localSeconds, 86_400L);
    }

    /** The second of the day of a local time in seconds. */
    public static int secondOfDay(long localSeconds) {
        return (int) Math.floorMod(localSeconds, 86_400L);
    }

    /** The day of the week of an epoch day: 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday). */
    public static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L);
    }

    private static Span spanAt(ZoneId zone, Instant at) {
        ZoneRules rules = zone.getRules();
        ZoneOffset offset = rules.getOffset(at);
        if (rules.isFixedOffset()) {
            return new Span(Long.MIN_VALUE, Long.MAX_VALUE, offset.getTotalSeconds());
        }
        ZoneOffsetTransition next = rules.nextTransition(at);
        ZoneOffsetTransition previous = rules.previousTransition(at);
        long until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        long from = previous != null && previous.getOffsetAfter().equals(offset) ? previous.toEpochSecond() : at.getEpochSecond();
        return new Span(from, until, offset.getTotalSeconds());
    }
}
