package org.consentry.server.api.v1;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding hour per key (a reporter, an IP address) for the public pages, so that they cannot be used to flood a
 * tenant's record. Kept in memory: a restart forgets it, which only ever lets a little more through.
 */
final class HourlyLimit {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    /** True, and counted, when fewer than {@code limit} uses of {@code key} came in the hour before {@code now}. */
    boolean allow(String key, int limit, Instant now) {
        if (recent.size() > MAX_KEYS) {
            recent.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || !times.peekLast().isAfter(now.minus(HOUR));
                }
            });
        }
        Deque<Instant> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(HOUR))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
