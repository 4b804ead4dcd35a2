package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.consent.InternalDnc;
import org.consentry.tenant.TenantProfile;

/** The tenant's own Do-Not-Call list. A list with one bad number is refused whole. */
final class RegistryRoutes {

    static final int MAX_NUMBERS = 10_000;

    private final Authenticator auth;
    private final InternalDnc internalDnc;
    private final Addresses addresses;
    private final ObjectMapper json;
    private final Clock clock;

    RegistryRoutes(Authenticator auth, InternalDnc internalDnc, Addresses addresses, ObjectMapper json, Clock clock) {
        this.auth = auth;
        this.internalDnc = internalDnc;
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/registries/internal/entries", this::add);
    }

    private void add(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        List<String> raw = body.strings("numbers", MAX_NUMBERS, 64);
        String region = Addresses.region(body, "country");
        List<String> numbers = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String number = addresses.phone(body, "numbers[" + i + "]", raw.get(i), region);
            if (number != null) {
                numbers.add(number);
            }
        }
        body.finish();
        int added = internalDnc.add(tenant.id(), numbers, clock.instant());
        ctx.json(Map.of("added", added));
    }
}
