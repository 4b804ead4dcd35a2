package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentry.ledger.CallsReported;
import org.consentry.server.http.ApiProblem;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Caller;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.store.projection.TenantHealthBook;
import org.consentry.tenant.TenantProfile;

/**
 * Call detail records in ({@code POST /v1/calls}), and a tenant's health out ({@code GET /v1/tenants/{id}/health}):
 * the answer-seizure and short-call ratios of its calls, its email complaints and bounces, spam reports and
 * opt-outs over 24 hours, 7 days and 30 days, each against its threshold.
 */
final class HealthRoutes {

    static final int MAX_CALLS = 10_000;
    static final int MAX_CALL_SECONDS = 86_400;

    private final Authenticator auth;
    private final TenantDirectory directory;
    private final TenantHealthBook health;
    private final Ledger ledger;
    private final Addresses addresses;
    private final ObjectMapper json;
    private final Clock clock;

    HealthRoutes(Authenticator auth, TenantDirectory directory, TenantHealthBook health, Ledger ledger, Addresses addresses,
                 ObjectMapper json, Clock clock) {
        this.auth = auth;
        this.directory = directory;
        this.health = health;
        this.ledger = ledger;
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/calls", this::calls);
        endpoints.get("/v1/tenants/{id}/health", this::health);
    }

    private void calls(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        List<CallsReported.Call> calls = new ArrayList<>();
        List<JsonBody> records = body.objects("records", MAX_CALLS);
        for (JsonBody record : records) {
            String from = addresses.phone(record, "from", record.string("from", 64), "US");
            String to = addresses.phone(record, "to", record.string("to", 64), "US");
            Instant startedAt = Moments.past(record, "started_at", clock);
            if (!record.has("started_at")) {
                record.reject("started_at", "is required");
            }
            if (!record.has("answered")) {
                record.reject("answered", "is required");
            }
            boolean answered = record.bool("answered", false);
            int duration = record.integer("duration_s", 0, MAX_CALL_SECONDS, 0);
            if (!answered && duration > 0) {
                record.reject("duration_s", "must be 0 for a call that was not answered");
            }
            if (from != null && !directory.ownerOfPhone(from).map(tenant.id()::equals).orElse(false)) {
                record.reject("from", from + " is not a number of this account");
            }
            if (from != null && to != null) {
                calls.add(new CallsReported.Call(from, to, startedAt, answered, duration));
            }
        }
        if (records.isEmpty()) {
            body.reject("records", "must hold at least one call");
        }
        body.finish();
        ledger.append(tenant.id(), List.of(new CallsReported(calls)));
        ctx.status(202).json(Map.of("accepted", calls.size()));
    }

    private void health(Context ctx) {
        String id = ctx.pathParam("id");
        Caller caller = auth.caller(ctx);
        if (caller instanceof Caller.Tenant own && !own.tenantId().equals(id)) {
            throw ApiProblem.forbidden("a tenant key may read its own health only");
        }
        directory.tenant(id).orElseThrow(() -> ApiProblem.notFound("no tenant " + id));
        ctx.json(health.health(id, clock.instant()));
    }
}
