package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentMethod;
import org.consentry.consent.OptInForm;
import org.consentry.ledger.ConsentEvidence;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.server.http.ApiProblem;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.Html;
import org.consentry.server.http.JsonBody;
import org.consentry.store.consent.Consents;
import org.consentry.store.consent.NewConsent;
import org.consentry.store.projection.ContactBook;
import org.consentry.tenant.TenantProfile;

/** Recording, listing and revoking consents, with their evidence. */
final class ConsentRoutes {

    private static final Set<String> CONSENT_EVENTS = Set.of("consent.granted", "consent.confirmed", "consent.revoked",
            "consent.reinstated", "opt_out.recorded", "opt_in.recorded");

    private final Authenticator auth;
    private final Consents consents;
    private final ContactBook contacts;
    private final Addresses addresses;
    private final ObjectMapper json;
    private final Clock clock;
    private final org.consentry.store.consent.ConfirmationLinks links;
    private final String publicUrl;

    ConsentRoutes(Authenticator auth, Consents consents, ContactBook contacts, Addresses addresses, ObjectMapper json, Clock clock,
                  org.consentry.store.consent.ConfirmationLinks links, String publicUrl) {
        this.auth = auth;
        this.consents = consents;
        this.contacts = contacts;
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
        this.links = links;
        this.publicUrl = publicUrl;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/consents", this::record);
        endpoints.get("/v1/consents", this::list);
        endpoints.get("/v1/consents/pending", this::pending);
        endpoints.post("/v1/consents/{id}/revoke", this::revoke);
    }

    private void record(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        Channel channel = body.choice("channel", Channel::fromWire, "sms, mms, email, voice, ivr, rvm");
        Purpose purpose = body.choice("purpose", ConsentRoutes::consentPurpose, "marketing, transactional, informational");
        ConsentMethod method = body.choice("method", ConsentMethod::fromWire, "web_form, keyword, paper, verbal, api, import");
        String region = Addresses.region(body, "country", tenant);
        String raw = body.string("address", 320);
        String address = channel == null ? null : addresses.forChannel(body, "address", raw, channel, region);
        Instant capturedAt = Moments.past(body, "captured_at", clock);
        boolean confirmed = body.bool("confirmed", false);
        String ip = body.optionalString("ip", 45);
        if (ip != null && !IpAddresses.isLiteral(ip)) {
            body.reject("ip", "must be an IPv4 or IPv6 address");
        }
        String userAgent = body.optionalString("user_agent", 1000);
        String sourceUrl = body.optionalString("source_url", 2048);
        if (sourceUrl != null && !isWebUrl(sourceUrl)) {
            body.reject("source_url", "must be an http or https URL");
        }
        String disclosure = body.optionalString("disclosure_text", 10_000);
        String frequency = body.optionalString("frequency", 100);
        body.finish();
        Consent consent = consents.record(tenant.id(), tenant.settings(), new NewConsent(address, channel, purpose, method,
                capturedAt, confirmed, new ConsentEvidence(ip, userAgent, sourceUrl, disclosure, frequency)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", consent.id());
        answer.put("status", consent.status().wireName());
        answer.put("address", address);
        answer.putAll(Representations.consent(consent));
        if (consent.status() == org.consentry.consent.ConsentStatus.PENDING) {
            putConfirmation(answer, ctx, tenant, consent, address);
        }
        ctx.status(201).json(answer);
    }

    /**
     * The tenant's consents waiting for the recipient's confirmation (from its API calls and its hosted forms), each
     * with what to send: the link for an email, the text that asks for a YES for a phone. Until Consentry delivers
     * messages itself, the tenant sends these.
     */
    private void pending(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        int limit = pageSize(ctx.queryParam("limit"));
        String after = ctx.queryParam("after");
        List<ContactBook.Pending> waiting = contacts.pendingOf(tenant.id());
        int from = 0;
        if (after != null) {
            // the item after the cursor; a cursor no longer pending (confirmed since) starts again from the top:
            // a page may repeat an item, never skip one
            for (int i = 0; i < waiting.size(); i++) {
                if (waiting.get(i).consentId().equals(after)) {
                    from = i + 1;
                    break;
                }
            }
        }
        List<Map<String, Object>> pending = new ArrayList<>();
        for (ContactBook.Pending one : waiting.subList(from, Math.min(waiting.size(), from + limit))) {
            Consent consent = contacts.stateOf(tenant.id(), one.address()).consent(one.consentId());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("address", one.address());
            item.putAll(Representations.consent(consent));
            putConfirmation(item, ctx, tenant, consent, one.address());
            pending.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("pending", pending);
        answer.put("next", from + limit < waiting.size() ? waiting.get(from + limit - 1).consentId() : null);
        ctx.json(answer);
    }

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1_000;

    private static int pageSize(String text) {
        if (text == null) {
            return DEFAULT_PAGE;
        }
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_PAGE) {
            throw ApiProblem.invalid("limit", "must be a whole number from 1 to " + MAX_PAGE);
        }
        return Integer.parseInt(text);
    }

    /**
     * What the tenant sends a pending consent's recipient to confirm it: the link for an email (only the page's POST
     * confirms), the text that asks for a YES for a text message. A call consent sent back to pending (a permission
     * pass) is confirmed through the tenant's own process, so it gets neither.
     */
    private void putConfirmation(Map<String, Object> answer, Context ctx, TenantProfile tenant, Consent consent, String address) {
        if (consent.channel() == Channel.EMAIL) {
            answer.put("confirmation_url", confirmationUrl(ctx, tenant.id(), consent.id(), address));
        } else if (consent.channel().isText()) {
            answer.put("confirmation_text", OptInForm.smsConfirmation(tenant.brand(), consent.purpose(), frequency(consent)));
        }
    }

    /** The email double opt-in link: only the page's POST confirms. */
    private String confirmationUrl(Context ctx, String tenant, String consentId, String address) {
        String token = links.token(new org.consentry.store.consent.ConfirmationLinks.Claim(tenant, consentId, address,
                clock.instant().plus(org.consentry.store.consent.ConfirmationLinks.VALID_FOR)));
        return Html.base(ctx, publicUrl) + "/c/" + token;
    }

    private static String frequency(Consent consent) {
        return consent.frequency() == null ? null : consent.frequency().text();
    }

    private void list(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        String address = queryAddress(ctx, addresses, tenant);
        List<Map<String, Object>> events = consents.history(tenant.id(), address).stream()
                .filter(entry -> CONSENT_EVENTS.contains(entry.event().type().storedName()))
                .map(Representations::entry).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("address", address);
        answer.put("consents", contacts.stateOf(tenant.id(), address).consents().stream().map(Representations::consent).toList());
        answer.put("events", events);
        ctx.json(answer);
    }

    private void revoke(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        Instant at = clock.instant();
        String via = "api";
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > 0) {
            JsonBody body = JsonBody.parse(bytes, json);
            at = Moments.past(body, "at", clock);
            String given = body.optionalString("via", 100);
            via = given == null ? via : given;
            body.finish();
        }
        ctx.json(Representations.consent(consents.revoke(tenant.id(), ctx.pathParam("id"), at, via)));
    }

    /** The {@code address} query parameter, in canonical form. */
    static String queryAddress(Context ctx, Addresses addresses, TenantProfile tenant) {
        String raw = ctx.queryParam("address");
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.invalid("address", "the query parameter address is required");
        }
        return address(ctx, raw, addresses, tenant);
    }

    /**
     * {@code raw} (a phone number or an email address) in canonical form, read with the {@code country} query parameter,
     * else in the tenant's country.
     */
    static String address(Context ctx, String raw, Addresses addresses, TenantProfile tenant) {
        String country = ctx.queryParam("country");
        String region = country == null ? Addresses.regionOf(tenant) : country.toUpperCase(Locale.ROOT);
        if (!Addresses.isRegion(region)) {
            throw ApiProblem.invalid("country", "must be an ISO 3166 country code such as US");
        }
        String address = addresses.either(raw, region);
        if (address == null) {
            throw ApiProblem.invalid("address", "'" + raw + "' is not a valid phone number or email address");
        }
        return address;
    }

    static Optional<Purpose> consentPurpose(String name) {
        return Purpose.fromWire(name).filter(Purpose::isConsentable);
    }

    static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
