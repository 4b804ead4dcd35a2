package org.consentry.tenant;

import java.util.Locale;
import java.util.Optional;

/**
 * A tenant's own cap: at most {@code count} marketing messages in {@code windowHours}, counted per
 * recipient, or per recipient and topic.
 */
public record FrequencyCap(int count, int windowHours, Per per) {

    /** What a cap counts together. */
    public enum Per {
        RECIPIENT, TOPIC;

        /** The name used on the wire, lower-cased once rather than on every answer. */
        private final String wireName = name().toLowerCase(Locale.ROOT);

        public String wireName() {
            return wireName;
        }

        public static Optional<Per> fromWire(String name) {
            for (Per per : values()) {
                if (per.wireName().equals(name)) {
                    return Optional.of(per);
                }
            }
            return Optional.empty();
        }
    }

    public FrequencyCap {
        if (count < 1 || windowHours < 1) {
            throw new IllegalArgumentException("a cap needs a positive count and window");
        }
    }
}
