package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentry.inbound.ReplyClassifier;
import org.consentry.inbound.ReplyIntent;
import org.consentry.server.http.ApiProblem;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.FieldError;
import org.consentry.server.http.JsonBody;
import org.consentry.store.tenant.Tenants;
import org.consentry.tenant.DailyHours;
import org.consentry.tenant.FrequencyCap;
import org.consentry.tenant.TenantProfile;
import org.consentry.tenant.TenantSettings;

/**
 * A tenant's policy settings. A PUT changes the settings it names and keeps the others; {@code null} clears
 * {@code quiet_hours}. Settings may narrow the law, never widen it: calling hours outside 08:00-21:00 are 422.
 */
final class SettingsRoutes {

    /** The widest window the law allows anywhere a tenant may send (US federal, 47 CFR 64.1200(c)(1)). */
    static final LocalTime LAW_START = LocalTime.of(8, 0);
    static final LocalTime LAW_END = LocalTime.of(21, 0);

    private final Authenticator auth;
    private final Tenants tenants;
    private final ObjectMapper json;
    private final byte[] webhookKey;

    SettingsRoutes(Authenticator auth, Tenants tenants, ObjectMapper json, byte[] webhookKey) {
        this.webhookKey = webhookKey;
        this.auth = auth;
        this.tenants = tenants;
        this.json = json;
    }

    static final int MAX_KEYWORDS = 50;
    /** The longest window a cap of the tenant's own may count over: the send history the contact book keeps. */
    static final int MAX_CAP_HOURS = org.consentry.store.projection.ContactBook.SEND_HISTORY_DAYS * 24;
    private final ReplyClassifier classifier = ReplyClassifier.load();

    void register(Endpoints endpoints) {
        endpoints.put("/v1/settings", this::put);
        endpoints.get("/v1/settings", ctx -> ctx.json(answer(auth.tenant(ctx))));
    }

    private void put(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        TenantSettings current = tenant.settings();
        boolean sms = current.doubleOptInSms();
        boolean email = current.doubleOptInEmail();
        JsonBody doubleOptIn = body.object("double_opt_in");
        if (doubleOptIn != null) {
            sms = doubleOptIn.bool("sms", sms);
            email = doubleOptIn.bool("email", email);
        }
        boolean append = body.bool("auto_append_opt_out", current.autoAppendOptOut());
        List<FrequencyCap> caps = caps(body, current.frequencyCaps());
        DailyHours quietHours = quietHours(body, current.quietHours());
        int duplicateWindow = body.integer("duplicate_window_minutes", 1, 10_080, current.duplicateWindowMinutes());
        int emailVolume = body.integer("email_daily_volume", 0, 1_000_000_000, current.emailDailyVolume());
        Map<String, String> keywords = keywords(body, current.replyKeywords());
        String webhook = webhookUrl(body, current.statusWebhookUrl());
        body.finish();
        if (quietHours != null && (quietHours.start().isBefore(LAW_START) || quietHours.end().isAfter(LAW_END))) {
            throw new ApiProblem(422, "urn:consentry:problem:wider-than-the-law", "The setting would widen the law",
                    "quiet_hours " + quietHours + " reaches outside 08:00-21:00, the calling hours of 47 CFR 64.1200(c)(1); "
                            + "an account may only narrow them",
                    List.of(new FieldError("quiet_hours", "must lie within 08:00-21:00")));
        }
        TenantProfile updated = tenants.updateSettings(tenant.id(),
                new TenantSettings(sms, email, append, caps, quietHours, duplicateWindow, emailVolume, keywords, webhook));
        ctx.json(answer(updated));
    }

    /** The settings in force, with the secret the status webhook's posts are signed with, when there is a webhook. */
    private Map<String, Object> answer(TenantProfile tenant) {
        Map<String, Object> settings = Representations.settings(tenant.settings());
        if (tenant.settings().statusWebhookUrl() != null) {
            settings.put("status_webhook_secret", org.consentry.delivery.webhook.WebhookSignature.secretFor(webhookKey, tenant.id()));
        }
        return settings;
    }

    /**
     * The tenant's own reply keywords: {@code [{keyword, action: opt_out|opt_in|help}]}. A keyword that the
     * classifier already reads as something (STOP, HELP, YES...) can only mean that: a revocation word can never
     * be turned into an opt-in.
     */
    private Map<String, String> keywords(JsonBody body, Map<String, String> current) {
        List<JsonBody> items = body.optionalObjects("reply_keywords", MAX_KEYWORDS);
        if (items == null) {
            return current;
        }
        Map<String, String> keywords = new java.util.LinkedHashMap<>();
        for (JsonBody item : items) {
            String keyword = item.string("keyword", 30);
            String action = item.string("action", 16);
            if (action != null && !List.of("opt_out", "opt_in", "help").contains(action)) {
                item.reject("action", "must be one of opt_out, opt_in, help");
                action = null;
            }
            String form = keyword == null ? null : ReplyClassifier.keywordForm(keyword);
            if (keyword != null && form == null) {
                item.reject("keyword", "must have letters or digits");
            }
            if (form != null && action != null) {
                ReplyIntent.Kind already = classifier.classify(form).kind();
                if (already != ReplyIntent.Kind.NONE && !already.wireName().equals(action)
                        && !(already == ReplyIntent.Kind.CONFIRM && action.equals("opt_in"))) {
                    item.reject("keyword", "'" + keyword + "' already means " + already.wireName() + " to every sender; it cannot mean " + action);
                } else if (keywords.put(form, action) != null) {
                    item.reject("keyword", "'" + keyword + "' is listed twice");
                }
            }
        }
        return keywords;
    }

    /**
     * The URL message statuses are posted to: https (http only to this machine, for development); null clears it. The
     * posts are signed ({@code Consentry-Signature}), so that the receiver knows them from forgeries.
     */
    private static String webhookUrl(JsonBody body, String current) {
        if (body.isNull("status_webhook_url")) {
            return null;
        }
        String text = body.optionalString("status_webhook_url", 2_000);
        if (text == null) {
            return current;
        }
        try {
            java.net.URI uri = new java.net.URI(text);
            boolean loopback = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && java.util.Set.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost().toLowerCase(java.util.Locale.ROOT));
            if (!("https".equalsIgnoreCase(uri.getScheme()) || loopback) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawFragment() != null) {
                body.reject("status_webhook_url", "must be an https URL with a host, without user info or fragment (http only to this machine)");
                return current;
            }
        } catch (java.net.URISyntaxException e) {
            body.reject("status_webhook_url", "must be an https URL (" + e.getReason() + ")");
            return current;
        }
        return text;
    }

    private static List<FrequencyCap> caps(JsonBody body, List<FrequencyCap> current) {
        List<JsonBody> items = body.optionalObjects("frequency_caps", 20);
        if (items == null) {
            return current;
        }
        List<FrequencyCap> caps = new ArrayList<>();
        for (JsonBody item : items) {
            int count = item.integer("count", 1, 10_000, -1);
            // no longer than the sends the contact book keeps: a cap cannot count what is no longer there
            int hours = item.integer("window_hours", 1, MAX_CAP_HOURS, -1);
            FrequencyCap.Per per = item.choice("per", FrequencyCap.Per::fromWire, "topic, recipient");
            if (count < 0 && !item.hasError("count")) {
                item.reject("count", "is required");
            }
            if (hours < 0 && !item.hasError("window_hours")) {
                item.reject("window_hours", "is required");
            }
            if (count > 0 && hours > 0 && per != null) {
                caps.add(new FrequencyCap(count, hours, per));
            }
        }
        return caps;
    }

    private static DailyHours quietHours(JsonBody body, DailyHours current) {
        if (body.isNull("quiet_hours")) {
            return null;
        }
        JsonBody hours = body.object("quiet_hours");
        if (hours == null) {
            return current;
        }
        LocalTime start = time(hours, "start");
        LocalTime end = time(hours, "end");
        if (start == null || end == null) {
            return current;
        }
        if (!start.isBefore(end)) {
            hours.reject("end", "must be after start");
            return current;
        }
        return new DailyHours(start, end);
    }

    private static LocalTime time(JsonBody body, String field) {
        String text = body.string(field, 5);
        if (text == null) {
            return null;
        }
        try {
            if (!text.matches("\\d\\d:\\d\\d")) {
                throw new DateTimeParseException("not HH:MM", text, 0);
            }
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            body.reject(field, "must be a time HH:MM");
            return null;
        }
    }
}
