package org.consentry.consent;

import java.util.Locale;
import java.util.Optional;

/** How a consent was captured. */
public enum ConsentMethod {
    WEB_FORM, KEYWORD, PAPER, VERBAL, API, IMPORT;

    /** The name used on the wire, lower-cased once rather than on every answer. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<ConsentMethod> fromWire(String name) {
        for (ConsentMethod method : values()) {
            if (method.wireName().equals(name)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
