package org.consentry.policy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an opt-out covers. An opt-out arrives for one scope or for {@code all}; {@code all} is held as the
 * three scopes together, so that a later opt-in on one channel (a START by text) lifts only that one.
 */
public enum OptOutScope {
    /** SMS and MMS. */
    SMS,
    EMAIL,
    /** Voice, IVR and ringless voicemail: every kind of call. */
    VOICE;

    /** The name used on the wire, lower-cased once rather than on every answer. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    /** Parses {@code sms}, {@code email}, {@code voice} or {@code all}. */
    public static Optional<Set<OptOutScope>> fromWire(String name) {
        if ("all".equals(name)) {
            return Optional.of(EnumSet.allOf(OptOutScope.class));
        }
        for (OptOutScope scope : values()) {
            if (scope.wireName().equals(name)) {
                return Optional.of(EnumSet.of(scope));
            }
        }
        return Optional.empty();
    }
}
