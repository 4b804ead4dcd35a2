package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.consentry.server.http.ApiProblem;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.consent.InternalDnc;
import org.consentry.store.projection.ProviderLists;
import org.consentry.store.registry.ProviderData;

/**
 * Number lists. {@code internal} is the tenant's own Do-Not-Call list (tenant key); {@code national},
 * {@code state:XX} and {@code block} are the provider's (admin key). A list with one bad entry is refused whole.
 */
final class RegistryRoutes {

    static final int MAX_NUMBERS = 10_000;
    private static final String INTERNAL = "internal";

    private final Authenticator auth;
    private final InternalDnc internalDnc;
    private final ProviderData provider;
    private final Addresses addresses;
    private final ObjectMapper json;
    private final Clock clock;

    RegistryRoutes(Authenticator auth, InternalDnc internalDnc, ProviderData provider, Addresses addresses, ObjectMapper json, Clock clock) {
        this.auth = auth;
        this.internalDnc = internalDnc;
        this.provider = provider;
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/registries/{list}/entries", ctx -> change(ctx, true));
        endpoints.delete("/v1/registries/{list}/entries", ctx -> change(ctx, false));
    }

    private void change(Context ctx, boolean add) {
        String list = ctx.pathParam("list").toLowerCase(Locale.ROOT);
        if (INTERNAL.equals(list)) {
            if (!add) {
                throw ApiProblem.invalid("list", "numbers leave a tenant's own Do-Not-Call list only by the recipient's consent; "
                        + "removing them is not offered");
            }
            internal(ctx);
            return;
        }
        String name;
        try {
            name = org.consentry.store.registry.RegistrySnapshots.listName(list);
        } catch (IllegalArgumentException unknown) {
            throw ApiProblem.notFound(unknown.getMessage() + "; lists are internal, national, state:XX and block");
        }
        auth.admin(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        List<String> raw = body.strings("numbers", MAX_NUMBERS, 320);
        String region = Addresses.region(body, "country");
        Instant asOf = add ? asOf(body) : null;
        List<String> entries = read(body, raw, region, name.equals(ProviderLists.BLOCK));
        body.finish();
        int changed = add ? provider.add(name, entries, asOf) : provider.remove(name, entries);
        ctx.json(Map.of("list", name, add ? "added" : "removed", changed));
    }

    private Instant asOf(JsonBody body) {
        Instant asOf = body.instant("as_of");
        Instant addedAt = body.instant("added_at");
        if (asOf != null && asOf.isAfter(clock.instant().plus(Moments.SKEW))) {
            body.reject("as_of", "is in the future; it dates the registry copy the numbers come from");
        }
        if (asOf == null && addedAt != null && addedAt.isAfter(clock.instant().plus(Moments.SKEW))) {
            // it dates the copy when as_of is absent: a date to come would keep a stale copy fresh (DNC_LIST_STALE)
            body.reject("added_at", "is in the future; it dates the registry copy the numbers come from");
        }
        return asOf != null ? asOf : addedAt;
    }

    private List<String> read(JsonBody body, List<String> raw, String region, boolean emailsToo) {
        List<String> entries = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String entry = emailsToo ? addresses.either(body, "numbers[" + i + "]", raw.get(i), region)
                    : addresses.phone(body, "numbers[" + i + "]", raw.get(i), region);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private void internal(Context ctx) {
        var tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        List<String> raw = body.strings("numbers", MAX_NUMBERS, 64);
        String region = Addresses.region(body, "country", tenant);
        List<String> numbers = read(body, raw, region, false);
        body.finish();
        int added = internalDnc.add(tenant.id(), numbers, clock.instant());
        ctx.json(Map.of("added", added));
    }
}
