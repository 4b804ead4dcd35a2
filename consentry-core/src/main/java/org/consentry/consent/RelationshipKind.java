package org.consentry.consent;

import java.util.Locale;
import java.util.Optional;

/** An existing business relationship: the recipient bought something, or asked about something. */
public enum RelationshipKind {
    PURCHASE, INQUIRY;

    /** The name used on the wire, lower-cased once rather than on every answer. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<RelationshipKind> fromWire(String name) {
        for (RelationshipKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
