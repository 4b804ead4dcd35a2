package org.consentry.consent;

import java.util.Locale;

/** Where a consent stands: in force, awaiting its double opt-in confirmation, or withdrawn. */
public enum ConsentStatus {
    ACTIVE, PENDING, REVOKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
