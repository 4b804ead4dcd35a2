package org.consentry.policy.rules.frequency;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.consentry.consent.SentMessage;

/**
 * Counts a recipient's committed sends against a cap over a rolling window, on both sides of a send: sends
 * committed for later count as much as those made before. A send at {@code at} fits when no window of the cap's
 * length that holds {@code at} would then hold more than the cap; two sends share a window when less than its
 * length lies between them. Reads the recipient's sends in place (they are kept oldest first) and copies nothing.
 */
final class SendCount {

    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}+");
    private static final Pattern WHITE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final List<SentMessage> sends;
    private final Predicate<SentMessage> matches;
    private final Duration window;
    private final long windowSeconds;
    private final int windowNanos;
    private final Instant at;
    private int count;
    private Instant oldest;
    private Instant newest;

    private SendCount(List<SentMessage> sends, Instant at, Duration window, Predicate<SentMessage> matches) {
        this.sends = sends;
        this.matches = matches;
        this.window = window;
        this.windowSeconds = window.getSeconds();
        this.windowNanos = window.getNano();
        this.at = at;
    }

    /**
     * The matching sends in the fullest window that holds {@code at}, before it or after it.
     *
     * @param sends the recipient's committed sends, oldest first
     */
    static SendCount of(List<SentMessage> sends, Instant at, Duration window, Predicate<SentMessage> matches) {
        SendCount counted = new SendCount(sends, at, window, matches);
        counted.count = counted.fullest(at, true);
        return counted;
    }

    /** The matching sends in the fullest window that holds the send. */
    int count() {
        return count;
    }

    /** True when one more send would put more than {@code cap} in a window. */
    boolean reaches(int cap) {
        return count >= cap;
    }

    /**
     * The earliest instant at or after the send at which it would fit under the cap: a window can only lose a
     * send when one leaves it, so the candidates are the moments a counted send is a window's length behind,
     * each judged like the send itself. Null only for a cap below one, under which nothing ever fits.
     */
    Instant underCapAt(int cap) {
        return underCapAt(cap, at);
    }

    /** As {@link #underCapAt(int)}, from {@code from} on: {@code from} itself when the send fits then. */
    Instant underCapAt(int cap, Instant from) {
        if (fullest(from, false) < cap) {
            return from;
        }
        for (int i = firstSharing(from); i < sends.size(); i++) {
            SentMessage sent = sends.get(i);
            if (matches.test(sent)) {
                Instant candidate = sent.at().plus(window);
                if (fullest(candidate, false) < cap) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** The earliest send counted in the fullest window. */
    Instant oldest() {
        return oldest;
    }

    /** The latest send counted in the fullest window: after the send when one is committed for later. */
    Instant newest() {
        return newest;
    }

    /**
     * The most matching sends that one window holding {@code t} can hold besides a send at {@code t}. The
     * fullest such window starts at one of the sends in the window's length before {@code t}, or at {@code t}.
     */
    private int fullest(Instant t, boolean remember) {
        int best = 0;
        int end = firstSharing(t);
        int inside = 0; // matching sends in [i, end)
        int i = end;
        for (; i < sends.size() && !sends.get(i).at().isAfter(t); i++) {
            SentMessage first = sends.get(i);
            if (!matches.test(first)) {
                continue;
            }
            if (end < i) {
                end = i; // the sends skipped on the way match nothing
            }
            while (end < sends.size() && shareWindow(first.at(), sends.get(end).at())) {
                inside += matches.test(sends.get(end)) ? 1 : 0;
                end++;
            }
            if (inside > best) {
                best = inside;
                if (remember) {
                    oldest = first.at();
                    newest = sends.get(lastMatching(end)).at();
                }
            }
            inside--;
        }
        int fromT = 0; // the window that starts at t: the sends at or after it
        int last = -1;
        for (int j = i; j < sends.size() && shareWindow(t, sends.get(j).at()); j++) {
            if (matches.test(sends.get(j))) {
                fromT++;
                last = j;
            }
        }
        if (fromT > best) {
            best = fromT;
            if (remember) {
                oldest = sends.get(firstMatching(i)).at();
                newest = sends.get(last).at();
            }
        }
        return best;
    }

    /** The first send that can share a window with {@code t}: less than the window's length before it. */
    private int firstSharing(Instant t) {
        int low = 0;
        int high = sends.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (shareWindow(sends.get(middle).at(), t) || sends.get(middle).at().isAfter(t)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** True when {@code later} is less than the window's length after {@code earlier} (not before it). */
    private boolean shareWindow(Instant earlier, Instant later) {
        long seconds = later.getEpochSecond() - earlier.getEpochSecond();
        int nanos = later.getNano() - earlier.getNano();
        if (nanos < 0) {
            seconds--;
            nanos += 1_000_000_000;
        }
        return seconds >= 0 && (seconds < windowSeconds || seconds == windowSeconds && nanos < windowNanos);
    }

    private int lastMatching(int end) {
        int j = end - 1;
        while (!matches.test(sends.get(j))) {
            j--;
        }
        return j;
    }

    private int firstMatching(int from) {
        int j = from;
        while (!matches.test(sends.get(j))) {
            j++;
        }
        return j;
    }

    /**
     * Two topics count together when they are the same words, whatever their case and white space ("Shoe Sale" and
     * " shoe  sale"), or when either is unknown (fail closed).
     */
    static boolean sameTopic(String a, String b) {
        return a == null || b == null || a.equalsIgnoreCase(b) || !(plain(a) && plain(b)) && subject(a).equals(subject(b));
    }

    /**
     * A topic's words as they are compared: compatibility forms folded (NFKC: a no-break or full-width space is a
     * space), case folded fully ("Straße" is "STRASSE"), invisible format characters dropped, runs of white space one
     * space, and none at the ends.
     */
    static String subject(String topic) {
        String folded = Normalizer.normalize(topic, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return WHITE.matcher(INVISIBLE.matcher(folded).replaceAll("")).replaceAll(" ").strip();
    }

    /** ASCII letters, digits and punctuation only: such topics are the same exactly when they are equal ignoring case. */
    private static boolean plain(String topic) {
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
