package org.consentry.ledger;

import java.util.HashMap;
import java.util.Map;

/** The first event of a tenant's chain. */
public record TenantCreated(String name, String brand, String industry, String country, String postalAddress,
                            String supportContact) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.TENANT_CREATED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("brand", brand);
        fields.put("industry", industry);
        fields.put("country", country);
        fields.put("postal_address", postalAddress);
        fields.put("support_contact", supportContact);
        return fields;
    }

    static TenantCreated read(EventFields f) {
        return new TenantCreated(f.string("name"), f.string("brand"), f.string("industry"), f.string("country"),
                f.optionalString("postal_address"), f.optionalString("support_contact"));
    }
}
