package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.store.tenant.Tenants;
import org.consentry.tenant.TenantProfile;

/**
 * A tenant's API keys: another one issued (shown once, kept as a hash), the ones in force listed without their
 * secret, one revoked. A key that leaked is replaced without a gap: issue the new key, move the senders to it, revoke
 * the old one, which opens nothing from that answer on. The last key is not revoked; the admin key can always act for
 * the tenant (with {@code Consentry-Tenant}) and issue it a new one.
 */
final class ApiKeyRoutes {

    private final Authenticator auth;
    private final Tenants tenants;
    private final TenantDirectory directory;
    private final ObjectMapper json;

    ApiKeyRoutes(Authenticator auth, Tenants tenants, TenantDirectory directory, ObjectMapper json) {
        this.auth = auth;
        this.tenants = tenants;
        this.directory = directory;
        this.json = json;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/api-keys", this::issue);
        endpoints.get("/v1/api-keys", this::list);
        endpoints.delete("/v1/api-keys/{key_id}", this::revoke);
    }

    private void issue(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > 0) {
            JsonBody.parse(bytes, json).finish(); // nothing to say but {}: a member is a mistake worth naming
        }
        Tenants.IssuedKey issued = tenants.issueKey(tenant.id());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("key_id", issued.id());
        answer.put("api_key", issued.key());
        answer.put("issued_at", issued.issuedAt().toString());
        ctx.status(201).header("Cache-Control", "no-store").json(answer);
    }

    private void list(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        String presented = auth.presentedKeyHash(ctx);
        List<Map<String, Object>> keys = new ArrayList<>();
        for (TenantDirectory.ApiKey key : directory.keysOf(tenant.id())) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key_id", key.id());
            item.put("issued_at", key.issuedAt().toString());
            item.put("current", key.hash().equals(presented)); // the key this request was made with
            keys.add(item);
        }
        ctx.json(Map.of("keys", keys));
    }

    private void revoke(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        String keyId = ctx.pathParam("key_id");
        java.time.Instant at = tenants.revokeKey(tenant.id(), keyId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("key_id", keyId);
        answer.put("revoked_at", at.toString());
        ctx.json(answer);
    }
}
