package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consentry.ledger.CanonicalJson;
import org.consentry.ledger.ChainHash;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.consent.ProofRequests;
import org.consentry.store.ledger.Ledger;
import org.consentry.tenant.TenantProfile;

/**
 * Proof-of-opt-in requests: the provider opens one ({@code POST /v1/proof-requests}, admin), the tenant lists its
 * own and answers one with a single call that attaches the signed proof bundle of the address, or evidence of its
 * own. An unanswered request suspends the tenant at its due time (see {@link ProofRequests#expireOverdue}).
 */
final class ProofRequestRoutes {

    static final int MAX_EVIDENCE = 100_000;

    private final Authenticator auth;
    private final ProofRequests requests;
    private final Ledger ledger;
    private final KeyPair keys;
    private final Addresses addresses;
    private final ObjectMapper json;
    private final Clock clock;

    ProofRequestRoutes(Authenticator auth, ProofRequests requests, Ledger ledger, KeyPair keys, Addresses addresses, ObjectMapper json,
                       Clock clock) {
        this.auth = auth;
        this.requests = requests;
        this.ledger = ledger;
        this.keys = keys;
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/proof-requests", this::open);
        endpoints.get("/v1/proof-requests", this::list);
        endpoints.post("/v1/proof-requests/{id}/answer", this::answer);
    }

    private void open(Context ctx) {
        auth.admin(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        String tenant = body.string("tenant", 64);
        String raw = body.string("address", 320);
        String address = raw == null ? null : addresses.either(body, "address", raw, "US");
        body.finish();
        ctx.status(201).json(representation(requests.open(tenant, address, clock.instant())));
    }

    private void list(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        ctx.json(Map.of("requests", requests.of(tenant.id()).stream().map(ProofRequestRoutes::representation).toList()));
    }

    private void answer(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : ctx.bodyAsBytes(), json);
        String evidence = body.optionalString("evidence", MAX_EVIDENCE);
        String note = body.optionalString("note", 2_000);
        body.finish();
        String id = ctx.pathParam("id");
        ProofRequests.Request request = requests.of(tenant.id()).stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
        Map<String, Object> bundle = null;
        String sha256;
        if (evidence == null && request != null && request.open()) { // a closed one is refused below; its person may be erased
            bundle = EvidenceRoutes.bundle(ledger, keys, tenant.id(), request.address(), clock.instant());
            sha256 = ChainHash.sha256(CanonicalJson.write(bundle));
        } else {
            sha256 = evidence == null ? null : ChainHash.sha256(evidence);
        }
        ProofRequests.Request answered = requests.answer(tenant.id(), id, evidence == null ? "bundle" : "uploaded", sha256, note,
                clock.instant());
        Map<String, Object> answer = representation(answered);
        if (bundle != null) {
            answer.put("bundle", bundle);
        }
        ctx.json(answer);
    }

    private static Map<String, Object> representation(ProofRequests.Request request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", request.id());
        json.put("tenant", request.tenant());
        json.put("address", request.address());
        json.put("requested_at", request.requestedAt().toString());
        json.put("due_at", request.dueAt().toString());
        json.put("status", request.open() ? "open" : request.outcome().equals("expired") ? "expired" : "answered");
        json.put("answer", request.open() || request.outcome().equals("expired") ? null : request.outcome());
        json.put("sha256", request.sha256());
        return json;
    }
}
