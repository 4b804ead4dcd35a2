package org.consentry.server.api.v1;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.consentry.server.http.JsonBody;

/** Times a request reports about the past (when a consent was captured, when someone opted out). */
final class Moments {

    /** How far ahead of the server's clock a reported time may be: clocks drift. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private Moments() {
    }

    /** The time in {@code field}, now when absent; a time in the future is refused. */
    static Instant past(JsonBody body, String field, Clock clock) {
        Instant now = clock.instant();
        Instant at = body.instant(field);
        if (at == null) {
            return now;
        }
        if (at.isAfter(now.plus(SKEW))) {
            body.reject(field, "is in the future; it must say when something already happened");
        }
        return at;
    }
}
