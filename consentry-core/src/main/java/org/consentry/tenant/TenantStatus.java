package org.consentry.tenant;

import java.util.Locale;

/** Where a tenant stands with its provider. Suspended and terminated tenants send nothing. */
public enum TenantStatus {
    ACTIVE, SUSPENDED, TERMINATED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean maySend() {
        return this == ACTIVE;
    }
}
