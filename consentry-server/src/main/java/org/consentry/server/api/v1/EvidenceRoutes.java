package org.consentry.server.api.v1;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consentry.ledger.ChainVerification;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.store.ledger.Ledger;
import org.consentry.tenant.TenantProfile;

/**
 * The evidence for one address: every event of the tenant's ledger about it, with the hashes that chain
 * it, and whether the tenant's whole chain verifies from its first event.
 */
final class EvidenceRoutes {

    private final Authenticator auth;
    private final Ledger ledger;
    private final Addresses addresses;

    EvidenceRoutes(Authenticator auth, Ledger ledger, Addresses addresses) {
        this.auth = auth;
        this.ledger = ledger;
        this.addresses = addresses;
    }

    void register(Endpoints endpoints) {
        endpoints.get("/v1/evidence", this::evidence);
    }

    private void evidence(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        String address = ConsentRoutes.queryAddress(ctx, addresses);
        ChainVerification chain = ledger.verify(tenant.id());
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("verified", chain.intact());
        verification.put("length", chain.length());
        verification.put("head", chain.head());
        if (!chain.intact()) {
            verification.put("broken_at", chain.brokenAt());
            verification.put("problem", chain.problem());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tenant", tenant.id());
        answer.put("address", address);
        answer.put("hash_algorithm", "SHA-256 over RFC 8785 canonical JSON of {at, event, prev, seq, tenant, type}");
        answer.put("events", ledger.about(tenant.id(), address).stream().map(Representations::entry).toList());
        answer.put("chain", verification);
        ctx.json(answer);
    }
}
