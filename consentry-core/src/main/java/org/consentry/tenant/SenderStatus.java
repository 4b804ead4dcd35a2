package org.consentry.tenant;

import java.util.Locale;

/** Where a sender stands for one tenant: verified by the provider, awaiting verification, or not known. */
public enum SenderStatus {
    VERIFIED, PENDING, UNKNOWN;

    /** The name used on the wire, lower-cased once rather than on every answer. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }
}
