package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consentry.server.http.ApiProblem;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.consent.Consents;
import org.consentry.store.projection.TenantDirectory;

/**
 * A permission pass ({@code POST /v1/tenants/{id}/permission-pass}, admin): the provider requires a tenant's
 * recipients to confirm again the consents captured before a date, or those of one import; they count as
 * unconfirmed (CONSENT_UNCONFIRMED) until the recipient confirms through the double opt-in flow (YES by text).
 */
final class PermissionPassRoutes {

    private final Authenticator auth;
    private final Consents consents;
    private final TenantDirectory directory;
    private final ObjectMapper json;

    PermissionPassRoutes(Authenticator auth, Consents consents, TenantDirectory directory, ObjectMapper json) {
        this.auth = auth;
        this.consents = consents;
        this.directory = directory;
        this.json = json;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/tenants/{id}/permission-pass", this::require);
    }

    private void require(Context ctx) {
        auth.admin(ctx);
        String tenant = ctx.pathParam("id");
        directory.tenant(tenant).orElseThrow(() -> ApiProblem.notFound("no tenant " + tenant));
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        Instant before = body.instant("captured_before");
        String source = body.optionalString("import_source", 500);
        String reason = body.optionalString("reason", 500);
        if (before == null && source == null && !body.hasError("captured_before") && !body.hasError("import_source")) {
            body.reject("captured_before", "give captured_before or import_source: which consents must be confirmed again");
        }
        body.finish();
        int reached = consents.requirePermissionPass(tenant, before, source, reason);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tenant", tenant);
        answer.put("captured_before", before == null ? null : before.toString());
        answer.put("import_source", source);
        answer.put("consents_to_reconfirm", reached);
        ctx.status(201).json(answer);
    }
}
