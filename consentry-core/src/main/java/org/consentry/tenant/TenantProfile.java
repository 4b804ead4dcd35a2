package org.consentry.tenant;

import java.util.Objects;

/**
 * What the rules know of a tenant.
 *
 * @param brand          the name recipients know it by; it opens every reply Consentry sends for it
 * @param supportContact where recipients get help (HELP replies); may be null
 * @param statusReason   why it was suspended or terminated; null while active
 */
public record TenantProfile(
        String id,
        String name,
        String brand,
        String industry,
        String country,
        String postalAddress,
        String supportContact,
        TenantStatus status,
        String statusReason,
        TenantSettings settings,
        TenantPlan plan) {

    public TenantProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(settings, "settings");
        plan = plan == null ? TenantPlan.UNRESTRICTED : plan;
    }

    public TenantProfile withStatus(TenantStatus newStatus, String reason) {
        return new TenantProfile(id, name, brand, industry, country, postalAddress, supportContact, newStatus, reason, settings, plan);
    }

    public TenantProfile withSettings(TenantSettings newSettings) {
        return new TenantProfile(id, name, brand, industry, country, postalAddress, supportContact, status, statusReason, newSettings, plan);
    }

    public TenantProfile withPlan(TenantPlan newPlan) {
        return new TenantProfile(id, name, brand, industry, country, postalAddress, supportContact, status, statusReason, settings, newPlan);
    }
}
