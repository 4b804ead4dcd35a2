package org.consentry.server.api.v1;

import java.util.LinkedHashMap;
import java.util.Map;
import org.consentry.consent.Consent;
import org.consentry.ledger.LedgerEntry;
import org.consentry.store.projection.Sender;
import org.consentry.tenant.TenantProfile;
import org.consentry.tenant.TenantSettings;

/** How domain values look on the wire. */
final class Representations {

    private Representations() {
    }

    static Map<String, Object> tenant(TenantProfile tenant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", tenant.id());
        json.put("name", tenant.name());
        json.put("brand", tenant.brand());
        json.put("industry", tenant.industry());
        json.put("country", tenant.country());
        json.put("postal_address", tenant.postalAddress());
        json.put("support_contact", tenant.supportContact());
        json.put("status", tenant.status().wireName());
        json.put("status_reason", tenant.statusReason());
        json.put("settings", settings(tenant.settings()));
        json.put("plan", plan(tenant.plan()));
        return json;
    }

    static Map<String, Object> settings(TenantSettings settings) {
        Map<String, Object> doubleOptIn = new LinkedHashMap<>();
        doubleOptIn.put("sms", settings.doubleOptInSms());
        doubleOptIn.put("email", settings.doubleOptInEmail());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("double_opt_in", doubleOptIn);
        json.put("auto_append_opt_out", settings.autoAppendOptOut());
        json.put("frequency_caps", settings.frequencyCaps().stream().map(cap -> Map.of("count", cap.count(),
                "window_hours", cap.windowHours(), "per", cap.per().wireName())).toList());
        json.put("quiet_hours", settings.quietHours() == null ? null
                : Map.of("start", settings.quietHours().start().toString(), "end", settings.quietHours().end().toString()));
        json.put("duplicate_window_minutes", settings.duplicateWindowMinutes());
        json.put("email_daily_volume", settings.emailDailyVolume());
        json.put("reply_keywords", new java.util.TreeMap<>(settings.replyKeywords()).entrySet().stream()
                .map(keyword -> Map.of("keyword", keyword.getKey(), "action", keyword.getValue())).toList());
        json.put("status_webhook_url", settings.statusWebhookUrl());
        return json;
    }

    static Map<String, Object> plan(org.consentry.tenant.TenantPlan plan) {
        Map<String, Object> permitted = new java.util.TreeMap<>();
        plan.permitted().forEach((channel, purposes) -> permitted.put(channel.wireName(),
                purposes.stream().map(p -> p.wireName()).sorted().toList()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("permitted", permitted);
        json.put("sends_per_minute", plan.sendsPerMinute());
        return json;
    }

    static Map<String, Object> sender(Sender sender) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", sender.id());
        json.put("address", sender.address());
        json.put("kind", sender.kind().wireName());
        json.put("status", sender.status().wireName());
        return json;
    }

    static Map<String, Object> consent(Consent consent) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", consent.id());
        json.put("channel", consent.channel().wireName());
        json.put("purpose", consent.purpose().wireName());
        json.put("method", consent.method() == null ? null : consent.method().wireName());
        json.put("status", consent.status().wireName());
        json.put("captured_at", consent.capturedAt().toString());
        json.put("revoked_at", consent.revokedAt() == null ? null : consent.revokedAt().toString());
        return json;
    }

    /** A ledger entry with its fields and the hashes that chain it. */
    static Map<String, Object> entry(LedgerEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", entry.tenantSeq());
        json.put("type", entry.event().type().storedName());
        json.put("recorded_at", entry.recordedAt().toString());
        Map<String, Object> fields = new java.util.TreeMap<>(entry.erased() ? Map.of() : entry.event().fields());
        fields.values().removeIf(java.util.Objects::isNull);
        json.put("event", fields);
        if (entry.sealed() != null) {
            // what the hash covers: the fields sealed under the person's key (the bundle's subject_key opens them)
            json.put("sealed", entry.sealed());
        }
        if (entry.erased()) {
            json.put("erased", true);
        }
        json.put("prev_hash", entry.prevHash());
        json.put("hash", entry.hash());
        return json;
    }
}
