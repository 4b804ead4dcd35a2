package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.consentry.policy.OptOutScope;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.consent.OptOuts;
import org.consentry.tenant.TenantProfile;

/**
 * Opt-outs the tenant learned of by any means (a call, an email, a form). An opt-out of sms or voice needs
 * a phone number, of email an email address; an opt-out of all takes either. It revokes the consents it covers.
 */
final class OptOutRoutes {

    private final Authenticator auth;
    private final OptOuts optOuts;
    private final Addresses addresses;
    private final ObjectMapper json;
    private final Clock clock;

    OptOutRoutes(Authenticator auth, OptOuts optOuts, Addresses addresses, ObjectMapper json, Clock clock) {
        this.auth = auth;
        this.optOuts = optOuts;
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/opt-outs", this::record);
    }

    private void record(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        String channel = body.string("channel", 16);
        Set<OptOutScope> scopes = channel == null ? null : OptOutScope.fromWire(channel).orElse(null);
        if (channel != null && scopes == null) {
            body.reject("channel", "must be one of sms, email, voice, all");
        }
        String region = Addresses.region(body, "country", tenant);
        String raw = body.string("address", 320);
        String address = null;
        if (raw != null && scopes != null) {
            if ("all".equals(channel)) {
                address = addresses.either(body, "address", raw, region);
            } else if (scopes.contains(OptOutScope.EMAIL)) {
                address = addresses.email(body, "address", raw);
            } else {
                address = addresses.phone(body, "address", raw, region);
            }
        }
        Instant at = Moments.past(body, "at", clock);
        String via = body.optionalString("via", 100);
        body.finish();
        OptOuts.Change change = optOuts.optOut(tenant.id(), address, scopes, at, via == null ? "api" : via);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("address", address);
        answer.put("channel", channel);
        answer.put("at", at.toString());
        answer.put("newly_opted_out", change.newlyOptedOut());
        answer.put("revoked_consents", change.revokedConsents());
        ctx.status(201).json(answer);
    }
}
