package org.consentry.ledger;

import java.util.HashMap;
import java.util.Map;
import org.consentry.tenant.TenantStatus;

/** The provider suspended, resumed or terminated a tenant, and why. */
public record TenantStatusChanged(TenantStatus status, String reason) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.TENANT_STATUS_CHANGED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("status", status.wireName());
        fields.put("reason", reason);
        return fields;
    }

    static TenantStatusChanged read(EventFields f) {
        return new TenantStatusChanged(f.enumValue("status", TenantStatus.class), f.optionalString("reason"));
    }
}
