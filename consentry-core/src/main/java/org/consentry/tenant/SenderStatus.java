package org.consentry.tenant;

import java.util.Locale;

/** Where a sender stands for one tenant: verified by the provider, awaiting verification, or not known. */
public enum SenderStatus {
    VERIFIED, PENDING, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
