package org.consentry.store.tenant;

/** A tenant to create, as validated by the API. */
public record NewTenant(String name, String brand, String industry, String country, String postalAddress, String supportContact) {
}
