package org.consentry.delivery.smpp;

import java.time.Duration;

/**
 * The SMPP link's clocks.
 *
 * @param enquireLink how long the link may be quiet before an enquire_link checks it is still there
 * @param response    how long a bind, submit_sm or enquire_link waits for its answer before it counts as lost
 * @param firstRetry  the wait before binding again after the link was lost or a bind failed; doubled at each failure
 * @param longestRetry the longest wait between two binds
 */
record LinkTimings(Duration enquireLink, Duration response, Duration firstRetry, Duration longestRetry) {

    /** An enquire_link after 30 s of quiet, 10 s for an answer, binding again after 0.5 s doubling up to 30 s. */
    static final LinkTimings DEFAULT = new LinkTimings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(500),
            Duration.ofSeconds(30));

    LinkTimings {
        if (enquireLink.isNegative() || enquireLink.isZero() || response.isNegative() || response.isZero()
                || firstRetry.isNegative() || firstRetry.isZero() || longestRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("SMPP link timings must be positive, the longest retry no shorter than the first");
        }
    }

    /** The wait after {@code retry}: twice as long, at most {@link #longestRetry}. */
    Duration after(Duration retry) {
        Duration doubled = retry.multipliedBy(2);
        return doubled.compareTo(longestRetry) > 0 ? longestRetry : doubled;
    }
}
