package org.consentry.policy.rules.frequency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.consentry.consent.SentMessage;

/**
 * Counts the committed sends inside a rolling window before a send, and says when enough of them will have
 * left it for one more to fit under a cap.
 */
final class SendCount {

    private final List<SentMessage> counted;
    private final Duration window;

    private SendCount(List<SentMessage> counted, Duration window) {
        this.counted = counted;
        this.window = window;
    }

    /** The sends that match and were committed in {@code (at - window, at]}, oldest first. */
    static SendCount of(List<SentMessage> sends, Instant at, Duration window, Predicate<SentMessage> matches) {
        Instant from = at.minus(window);
        List<SentMessage> counted = new ArrayList<>();
        for (SentMessage sent : sends) {
            if (sent.at().isAfter(from) && !sent.at().isAfter(at) && matches.test(sent)) {
                counted.add(sent);
            }
        }
        return new SendCount(counted, window);
    }

    int count() {
        return counted.size();
    }

    boolean reaches(int cap) {
        return counted.size() >= cap;
    }

    /** When the count drops below the cap: the moment the send that must age out leaves the window. */
    Instant underCapAt(int cap) {
        return counted.get(counted.size() - cap).at().plus(window);
    }

    Instant oldest() {
        return counted.isEmpty() ? null : counted.get(0).at();
    }

    /** Two topics count together when they are equal, or when either is unknown (fail closed). */
    static boolean sameTopic(String a, String b) {
        return a == null || b == null || a.equalsIgnoreCase(b);
    }
}
