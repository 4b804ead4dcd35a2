package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentry.ledger.NumbersReported;
import org.consentry.recipient.LineType;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.registry.ProviderData;

/** What the provider knows of numbers: reassigned (permanently disconnected) numbers and line types. */
final class ProviderRoutes {

    static final int MAX_ENTRIES = 10_000;

    private final Authenticator auth;
    private final ProviderData provider;
    private final Addresses addresses;
    private final ObjectMapper json;
    private final Clock clock;

    ProviderRoutes(Authenticator auth, ProviderData provider, Addresses addresses, ObjectMapper json, Clock clock) {
        this.auth = auth;
        this.provider = provider;
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/reassigned", this::reassigned);
        endpoints.post("/v1/line-types", this::lineTypes);
    }

    private void reassigned(Context ctx) {
        auth.admin(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        List<NumbersReported.Entry> entries = new ArrayList<>();
        for (JsonBody entry : body.objects("entries", MAX_ENTRIES)) {
            String number = addresses.phone(entry, "number", entry.string("number", 64), "US");
            Instant at = Moments.past(entry, "disconnected_at", clock);
            if (!entry.has("disconnected_at")) {
                entry.reject("disconnected_at", "is required");
            }
            if (number != null) {
                entries.add(new NumbersReported.Entry(number, at.toString()));
            }
        }
        body.finish();
        ctx.json(Map.of("added", provider.reportDisconnected(entries)));
    }

    private void lineTypes(Context ctx) {
        auth.admin(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        List<NumbersReported.Entry> entries = new ArrayList<>();
        for (JsonBody entry : body.objects("entries", MAX_ENTRIES)) {
            String number = addresses.phone(entry, "number", entry.string("number", 64), "US");
            LineType type = entry.choice("type", LineType::fromWire, "mobile, landline, voip, toll_free");
            if (number != null && type != null) {
                entries.add(new NumbersReported.Entry(number, type.wireName()));
            }
        }
        body.finish();
        ctx.json(Map.of("added", provider.reportLineTypes(entries)));
    }
}
