package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.projection.Sender;
import org.consentry.store.tenant.CreatedTenant;
import org.consentry.store.tenant.NewTenant;
import org.consentry.store.tenant.Tenants;
import org.consentry.tenant.TenantStatus;

/** The provider's endpoints for tenants: create, read, suspend, resume, terminate, and verified senders. */
final class TenantRoutes {

    private static final Set<String> COUNTRIES = Set.copyOf(Arrays.asList(java.util.Locale.getISOCountries()));

    private final Authenticator auth;
    private final Tenants tenants;
    private final SenderReader senders;
    private final ObjectMapper json;

    TenantRoutes(Authenticator auth, Tenants tenants, SenderReader senders, ObjectMapper json) {
        this.auth = auth;
        this.tenants = tenants;
        this.senders = senders;
        this.json = json;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/tenants", this::create);
        endpoints.get("/v1/tenants/{id}", this::get);
        endpoints.post("/v1/tenants/{id}/suspend", ctx -> changeStatus(ctx, TenantStatus.SUSPENDED, true));
        endpoints.post("/v1/tenants/{id}/resume", ctx -> changeStatus(ctx, TenantStatus.ACTIVE, false));
        endpoints.post("/v1/tenants/{id}/terminate", ctx -> changeStatus(ctx, TenantStatus.TERMINATED, true));
        endpoints.post("/v1/tenants/{id}/senders", this::verifySender);
        endpoints.put("/v1/tenants/{id}/plan", this::plan);
    }

    private void create(Context ctx) {
        auth.admin(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        String name = body.line("name", 200);
        String brand = body.line("brand", 100);
        String industry = body.line("industry", 100);
        String country = body.string("country", 2);
        if (country != null && !COUNTRIES.contains(country)) {
            body.reject("country", "must be an ISO 3166 alpha-2 country code in upper case, such as US");
        }
        String postalAddress = body.string("postal_address", 500);
        String supportContact = body.optionalString("support_contact", 200);
        body.finish();
        CreatedTenant created = tenants.create(new NewTenant(name, brand, industry, country, postalAddress, supportContact));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", created.profile().id());
        answer.put("api_key", created.apiKey());
        answer.put("status", created.profile().status().wireName());
        answer.putAll(Representations.tenant(created.profile()));
        ctx.status(201).json(answer);
    }

    private void get(Context ctx) {
        auth.admin(ctx);
        ctx.json(Representations.tenant(tenants.profile(ctx.pathParam("id"))));
    }

    private void changeStatus(Context ctx, TenantStatus status, boolean reasonRequired) {
        auth.admin(ctx);
        String reason = null;
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > 0 || reasonRequired) {
            JsonBody body = JsonBody.parse(bytes, json);
            reason = reasonRequired ? body.string("reason", 500) : body.optionalString("reason", 500);
            body.finish();
        }
        var profile = tenants.changeStatus(ctx.pathParam("id"), status, reason);
        ctx.json(Map.of("id", profile.id(), "status", profile.status().wireName()));
    }

    /** The provider's terms for the tenant: {@code {permitted: {sms: ["transactional"]}, sends_per_minute}}. */
    private void plan(Context ctx) {
        auth.admin(ctx);
        String tenant = tenants.profile(ctx.pathParam("id")).id();
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        java.util.Map<org.consentry.policy.Channel, java.util.Set<org.consentry.policy.Purpose>> permitted =
                new java.util.EnumMap<>(org.consentry.policy.Channel.class);
        JsonBody channels = body.object("permitted");
        if (channels != null) {
            for (org.consentry.policy.Channel channel : org.consentry.policy.Channel.values()) {
                if (!channels.has(channel.wireName())) {
                    continue;
                }
                java.util.Set<org.consentry.policy.Purpose> purposes = java.util.EnumSet.noneOf(org.consentry.policy.Purpose.class);
                java.util.List<String> names = channels.strings(channel.wireName(), 4, 32);
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(i);
                    org.consentry.policy.Purpose.fromWire(name).filter(org.consentry.policy.Purpose::isConsentable).ifPresentOrElse(purposes::add,
                            () -> channels.reject(channel.wireName(), "'" + name + "' is not marketing, transactional or informational"));
                }
                permitted.put(channel, purposes);
            }
        }
        int rate = body.integer("sends_per_minute", 0, 1_000_000, 0);
        body.finish();
        var profile = tenants.changePlan(tenant, new org.consentry.tenant.TenantPlan(permitted, rate));
        ctx.json(Representations.plan(profile.plan()));
    }

    private void verifySender(Context ctx) {
        auth.admin(ctx);
        String tenant = tenants.profile(ctx.pathParam("id")).id();
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        SenderReader.Requested requested = senders.read(body);
        boolean verified = body.bool("verified", true);
        body.finish();
        Sender sender = tenants.registerSender(tenant, requested.address(), requested.kind(), verified);
        ctx.status(201).json(Representations.sender(sender));
    }
}
