package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.consentry.consent.ContactDeclaration;
import org.consentry.consent.ContactState;
import org.consentry.consent.RelationshipKind;
import org.consentry.recipient.LineType;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.consent.Contacts;
import org.consentry.store.registry.ProviderData;
import org.consentry.tenant.TenantProfile;

/**
 * What a tenant knows of its recipients: where they are and what line they are ({@code /v1/contacts}), and
 * business relationships ({@code /v1/relationships}: the DNC exemption, CASL implied consent).
 */
final class ContactRoutes {

    private static final Set<String> COUNTRIES = Set.copyOf(Arrays.asList(Locale.getISOCountries()));

    private final Authenticator auth;
    private final Contacts contacts;
    private final ProviderData provider;
    private final Addresses addresses;
    private final ObjectMapper json;
    private final Clock clock;
    private final StateField states;

    ContactRoutes(Authenticator auth, Contacts contacts, ProviderData provider, Addresses addresses, ObjectMapper json, Clock clock,
                  StateField states) {
        this.states = states;
        this.auth = auth;
        this.contacts = contacts;
        this.provider = provider;
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/contacts", this::declare);
        endpoints.post("/v1/relationships", this::relationship);
    }

    private void declare(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        String country = body.optionalString("country", 2);
        if (country != null && !COUNTRIES.contains(country)) {
            body.reject("country", "must be an ISO 3166 alpha-2 country code in upper case, such as CA");
        }
        String address = addresses.either(body, "address", body.string("address", 320), country == null ? Addresses.regionOf(tenant) : country);
        // a phone number's country is its own; an email address's the one the body names (else not known here)
        String state = states.read(body, "state", address, address != null && address.indexOf('@') >= 0 ? country : Addresses.regionOf(tenant));
        LineType line = body.optionalChoice("line_type", LineType::fromWire, "mobile, landline, voip, toll_free");
        if (line != null && address != null && !address.startsWith("+")) {
            body.reject("line_type", "only a phone number has a line type");
        }
        body.finish();
        ContactState recorded = contacts.declare(tenant.id(), address, country, state, line);
        ContactDeclaration declared = recorded.declaration();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("address", address);
        answer.put("country", declared.country());
        answer.put("state", declared.state());
        answer.put("line_type", declared.lineType() == null ? null : declared.lineType().wireName());
        if (address.startsWith("+")) {
            LineType providers = provider.lineTypeOf(address);
            LineType effective = (declared.lineType() == null ? LineType.UNKNOWN : declared.lineType()).stricter(providers);
            answer.put("effective_line_type", effective.wireName());
        }
        ctx.status(201).json(answer);
    }

    private void relationship(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        String address = addresses.either(body, "address", body.string("address", 320), Addresses.region(body, "country", tenant));
        RelationshipKind kind = body.choice("kind", RelationshipKind::fromWire, "purchase, inquiry");
        if (!body.has("at")) {
            body.reject("at", "is required: when the purchase or inquiry happened");
        }
        Instant at = Moments.past(body, "at", clock);
        body.finish();
        contacts.relationship(tenant.id(), address, kind, at);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("address", address);
        answer.put("kind", kind.wireName());
        answer.put("at", at.toString());
        ctx.status(201).json(answer);
    }
}
