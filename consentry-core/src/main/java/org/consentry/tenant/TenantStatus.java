package org.consentry.tenant;

import java.util.Locale;

/** Where a tenant stands with its provider. Suspended and terminated tenants send nothing. */
public enum TenantStatus {
    ACTIVE, SUSPENDED, TERMINATED;

    /** The name used on the wire, lower-cased once rather than on every answer. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public boolean maySend() {
        return this == ACTIVE;
    }
}
