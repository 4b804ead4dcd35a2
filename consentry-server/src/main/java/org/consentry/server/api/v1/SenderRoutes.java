package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.projection.Sender;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.store.tenant.Tenants;
import org.consentry.tenant.SenderStatus;
import org.consentry.tenant.TenantProfile;

/** A tenant's senders: it asks for one, the provider verifies it. */
final class SenderRoutes {

    private final Authenticator auth;
    private final Tenants tenants;
    private final TenantDirectory directory;
    private final SenderReader senders;
    private final ObjectMapper json;

    SenderRoutes(Authenticator auth, Tenants tenants, TenantDirectory directory, SenderReader senders, ObjectMapper json) {
        this.auth = auth;
        this.tenants = tenants;
        this.directory = directory;
        this.senders = senders;
        this.json = json;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/senders", this::request);
        endpoints.get("/v1/senders", this::list);
    }

    private void request(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        SenderReader.Requested requested = senders.read(body);
        body.finish();
        Sender sender = tenants.registerSender(tenant.id(), requested.address(), requested.kind(), false);
        Map<String, Object> answer = Representations.sender(sender);
        if (sender.status() == SenderStatus.PENDING) {
            answer = new LinkedHashMap<>(answer);
            answer.put("verification", "Your provider verifies that this sender is yours (number ownership, sender ID"
                    + " or domain records) and marks it verified; until then messages from it are blocked with SENDER_NOT_VERIFIED.");
        }
        ctx.status(201).json(answer);
    }

    private void list(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        List<Map<String, Object>> list = directory.senders(tenant.id()).stream().map(Representations::sender).toList();
        ctx.json(Map.of("senders", list));
    }
}
