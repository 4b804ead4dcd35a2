package org.consentry.ledger;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consentry.tenant.DailyHours;
import org.consentry.tenant.FrequencyCap;
import org.consentry.tenant.TenantSettings;

/** The tenant's settings as they stand from now on. Fields an older event lacks read as their defaults. */
public record SettingsChanged(TenantSettings settings) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.SETTINGS_CHANGED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("double_opt_in_sms", settings.doubleOptInSms());
        fields.put("double_opt_in_email", settings.doubleOptInEmail());
        fields.put("auto_append_opt_out", settings.autoAppendOptOut());
        List<Map<String, Object>> caps = new ArrayList<>();
        for (FrequencyCap cap : settings.frequencyCaps()) {
            caps.add(Map.of("count", (long) cap.count(), "window_hours", (long) cap.windowHours(), "per", cap.per().wireName()));
        }
        fields.put("frequency_caps", caps);
        if (settings.quietHours() != null) {
            fields.put("quiet_hours", Map.of("start", settings.quietHours().start().toString(), "end", settings.quietHours().end().toString()));
        }
        fields.put("duplicate_window_minutes", (long) settings.duplicateWindowMinutes());
        fields.put("email_daily_volume", (long) settings.emailDailyVolume());
        if (!settings.replyKeywords().isEmpty()) {
            // written only when there are some, so that the events written before keywords existed hash as they did
            List<Map<String, Object>> keywords = new ArrayList<>();
            new java.util.TreeMap<>(settings.replyKeywords()).forEach((word, action) -> keywords.add(Map.of("keyword", word, "action", action)));
            fields.put("reply_keywords", keywords);
        }
        if (settings.statusWebhookUrl() != null) {
            fields.put("status_webhook_url", settings.statusWebhookUrl()); // only when set: older events hash as they did
        }
        return fields;
    }

    static SettingsChanged read(EventFields f) {
        List<FrequencyCap> caps = new ArrayList<>();
        for (EventFields cap : f.objects("frequency_caps")) {
            caps.add(new FrequencyCap((int) cap.number("count", 1), (int) cap.number("window_hours", 24),
                    FrequencyCap.Per.fromWire(cap.string("per")).orElseThrow(() -> new LedgerFormatException("unknown cap scope"))));
        }
        EventFields hours = f.object("quiet_hours");
        DailyHours quietHours = hours == null ? null
                : new DailyHours(LocalTime.parse(hours.string("start")), LocalTime.parse(hours.string("end")));
        return new SettingsChanged(new TenantSettings(f.bool("double_opt_in_sms"), f.bool("double_opt_in_email"),
                f.bool("auto_append_opt_out", false), caps, quietHours,
                (int) f.number("duplicate_window_minutes", TenantSettings.DEFAULT_DUPLICATE_WINDOW_MINUTES),
                (int) f.number("email_daily_volume", 0), keywords(f), f.optionalString("status_webhook_url")));
    }

    private static Map<String, String> keywords(EventFields f) {
        Map<String, String> keywords = new java.util.HashMap<>();
        for (EventFields keyword : f.objects("reply_keywords")) {
            keywords.put(keyword.string("keyword"), keyword.string("action"));
        }
        return keywords;
    }
}
