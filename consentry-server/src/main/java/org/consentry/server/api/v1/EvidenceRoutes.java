package org.consentry.server.api.v1;

import org.consentry.evidence.EvidenceSignature;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consentry.ledger.ChainVerification;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.store.ledger.Ledger;
import org.consentry.tenant.TenantProfile;

/**
 * The evidence for one address, as a proof bundle: every event of the tenant's ledger about it, with the hashes
 * that chain it, whether the tenant's whole chain verifies from its first event, signed with the server's Ed25519
 * key ({@code GET /v1/keys}) so that {@code consentry evidence verify} can check it offline.
 */
final class EvidenceRoutes {

    private final Authenticator auth;
    private final Ledger ledger;
    private final Addresses addresses;
    private final java.security.KeyPair keys;
    private final java.time.Clock clock;

    EvidenceRoutes(Authenticator auth, Ledger ledger, Addresses addresses, java.security.KeyPair keys, java.time.Clock clock) {
        this.auth = auth;
        this.ledger = ledger;
        this.addresses = addresses;
        this.keys = keys;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.get("/v1/evidence", this::evidence);
        endpoints.get("/v1/keys", this::keys);
    }

    /** The public key proof bundles are signed with, for offline verification ({@code consentry evidence verify}). */
    private void keys(Context ctx) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("key_id", EvidenceSignature.keyId(keys.getPublic()));
        key.put("algorithm", EvidenceSignature.ALGORITHM);
        key.put("use", "proof bundles (GET /v1/evidence)");
        key.put("public_key", java.util.Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        ctx.json(Map.of("keys", java.util.List.of(key)));
    }

    private void evidence(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        String address = ConsentRoutes.queryAddress(ctx, addresses, tenant);
        ctx.json(bundle(ledger, keys, tenant.id(), address, clock.instant()));
    }

    /** The signed proof bundle of an address, as {@code GET /v1/evidence} and proof-request answers give it. */
    static Map<String, Object> bundle(Ledger ledger, java.security.KeyPair keys, String tenant, String address, java.time.Instant now) {
        ChainVerification chain = ledger.verify(tenant);
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("verified", chain.intact());
        verification.put("length", chain.length());
        verification.put("head", chain.head());
        if (!chain.intact()) {
            verification.put("broken_at", chain.brokenAt());
            verification.put("problem", chain.problem());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tenant", tenant);
        answer.put("address", address);
        answer.put("hash_algorithm", "SHA-256 over RFC 8785 canonical JSON of {at, event, prev, seq, tenant, type}; a sealed event's"
                + " event is {sealed}, AES-256-GCM under subject_key with tenant and type as additional data");
        answer.put("events", ledger.about(tenant, address).stream().map(Representations::entry).toList());
        ledger.subjectKey(tenant, address).ifPresent(key -> answer.put("subject_key", java.util.Base64.getEncoder().encodeToString(key)));
        answer.put("chain", verification);
        answer.put("issued_at", now.toString());
        return EvidenceSignature.sign(answer, keys);
    }
}
