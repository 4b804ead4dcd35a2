package org.consentry.policy.rules.frequency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.consentry.consent.SentMessage;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;

/**
 * {@link SendCount} against the rule written out by brute force, on a minute grid where every window's edge
 * falls: a send fits when no window of the cap's length holding it holds the cap's number of other sends, and
 * a capped send waits for the first minute at which it fits.
 */
class SendCountProperties {

    private static final Instant NOON = Instant.parse("2026-03-14T12:00:00Z");
    private static final int WINDOW = 60;
    private static final Predicate<SentMessage> COUNTED = sent -> "t".equals(sent.topic());

    @Property(tries = 3_000)
    void agreesWithEveryWindowCountedByHand(@ForAll @Size(max = 9) List<@IntRange(min = -150, max = 150) Integer> minutes,
                                            @ForAll @Size(max = 9) List<Boolean> counted, @ForAll @IntRange(min = 1, max = 4) int cap) {
        List<SentMessage> sends = new ArrayList<>();
        List<Integer> sorted = minutes.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            boolean matches = i >= counted.size() || counted.get(i);
            sends.add(new SentMessage(minute(sorted.get(i)), Channel.SMS, Purpose.MARKETING, matches ? "t" : "other", null, null));
        }
        SendCount count = SendCount.of(sends, NOON, Duration.ofMinutes(WINDOW), COUNTED);
        assertThat(count.count()).isEqualTo(fullest(sends, 0));
        assertThat(count.reaches(cap)).isEqualTo(fullest(sends, 0) >= cap);
        if (count.reaches(cap)) {
            int first = 1;
            while (fullest(sends, first) >= cap) {
                first++;
            }
            assertThat(count.underCapAt(cap)).isEqualTo(minute(first));
        } else {
            assertThat(count.underCapAt(cap)).isEqualTo(NOON);
        }
    }

    /** The most counted sends in one window holding minute {@code t}, every window start tried. */
    private static int fullest(List<SentMessage> sends, int t) {
        int best = 0;
        for (int start = t - WINDOW + 1; start <= t; start++) {
            int inside = 0;
            for (SentMessage sent : sends) {
                long at = Duration.between(NOON, sent.at()).toMinutes();
                inside += COUNTED.test(sent) && at >= start && at < start + WINDOW ? 1 : 0;
            }
            best = Math.max(best, inside);
        }
        return best;
    }

    private static Instant minute(int offset) {
        return NOON.plus(Duration.ofMinutes(offset));
    }
}
