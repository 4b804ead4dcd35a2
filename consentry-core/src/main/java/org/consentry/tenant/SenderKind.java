package org.consentry.tenant;

import java.util.Locale;
import java.util.Optional;

/** What a sender is: a phone number, an alphanumeric sender ID, or an email domain. */
public enum SenderKind {
    PHONE, SENDER_ID, EMAIL_DOMAIN;

    /** The name used on the wire, lower-cased once rather than on every answer. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<SenderKind> fromWire(String name) {
        for (SenderKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
