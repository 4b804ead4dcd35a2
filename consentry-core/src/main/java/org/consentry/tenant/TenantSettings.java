package org.consentry.tenant;

/**
 * A tenant's policy settings.
 *
 * @param doubleOptInSms   consents recorded unconfirmed for texts stay pending until the recipient replies YES
 * @param doubleOptInEmail consents recorded unconfirmed for email stay pending until the link is confirmed
 */
public record TenantSettings(boolean doubleOptInSms, boolean doubleOptInEmail) {

    public static final TenantSettings DEFAULTS = new TenantSettings(false, false);
}
