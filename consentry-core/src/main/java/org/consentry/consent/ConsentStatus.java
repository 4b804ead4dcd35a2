package org.consentry.consent;

import java.util.Locale;

/** Where a consent stands: in force, awaiting its double opt-in confirmation, or withdrawn. */
public enum ConsentStatus {
    ACTIVE, PENDING, REVOKED;

    /** The name used on the wire, lower-cased once rather than on every answer. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }
}
