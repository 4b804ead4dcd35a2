package org.consentry.ledger;

import java.util.Map;
import org.consentry.tenant.TenantSettings;

/** The tenant's settings as they stand from now on. */
public record SettingsChanged(TenantSettings settings) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.SETTINGS_CHANGED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("double_opt_in_sms", settings.doubleOptInSms(), "double_opt_in_email", settings.doubleOptInEmail());
    }

    static SettingsChanged read(EventFields f) {
        return new SettingsChanged(new TenantSettings(f.bool("double_opt_in_sms"), f.bool("double_opt_in_email")));
    }
}
