package org.consentry.store.tenant;

import org.consentry.tenant.TenantProfile;

/** A new tenant and its key, which is shown this once and never again. */
public record CreatedTenant(TenantProfile profile, String apiKey) {
}
