package org.consentry.server.api.v1;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.store.consent.Erasures;
import org.consentry.tenant.TenantProfile;

/**
 * {@code DELETE /v1/contacts/{address}}: erases what the tenant holds about a person at their request (GDPR art. 17).
 * Their consents, opt-outs and history become unreadable (their key is destroyed), the ledger's chain still verifies,
 * and the address, kept only as a salted hash, is never messaged again by this tenant.
 */
final class ErasureRoutes {

    private final Authenticator auth;
    private final Erasures erasures;
    private final Addresses addresses;

    ErasureRoutes(Authenticator auth, Erasures erasures, Addresses addresses) {
        this.auth = auth;
        this.erasures = erasures;
        this.addresses = addresses;
    }

    void register(Endpoints endpoints) {
        endpoints.delete("/v1/contacts/{address}", this::erase);
    }

    private void erase(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        String address = ConsentRoutes.address(ctx, ctx.pathParam("address"), addresses, tenant);
        Erasures.Erased erased = erasures.erase(tenant.id(), address);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("address", address);
        answer.put("erased_at", erased.at().toString());
        answer.put("events_erased", erased.events());
        answer.put("subject_ref", erased.subjectRef());
        answer.put("suppressed", true);
        ctx.json(answer);
    }
}
