package org.consentry.server.api.v1;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.SendCommitted;
import org.consentry.server.http.ApiProblem;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.tenant.TenantProfile;

/**
 * A traceback ({@code GET /v1/traceback?to=&from=&at=}, admin): the committed sends to a number, from a caller ID,
 * around a time, with the tenant that sent each and its verdict, as a carrier's or a regulator's traceback asks.
 */
final class TracebackRoutes {

    /** How far either side of {@code at} a send matches, unless {@code window_minutes} says otherwise. */
    static final int DEFAULT_WINDOW_MINUTES = 60;
    static final int MAX_WINDOW_MINUTES = 31 * 24 * 60;

    private final Authenticator auth;
    private final TenantDirectory directory;
    private final Ledger ledger;
    private final Addresses addresses;

    TracebackRoutes(Authenticator auth, TenantDirectory directory, Ledger ledger, Addresses addresses) {
        this.auth = auth;
        this.directory = directory;
        this.ledger = ledger;
        this.addresses = addresses;
    }

    void register(Endpoints endpoints) {
        endpoints.get("/v1/traceback", this::traceback);
    }

    private void traceback(Context ctx) {
        auth.admin(ctx);
        String rawTo = ctx.queryParam("to");
        if (rawTo == null || rawTo.isBlank()) {
            throw ApiProblem.invalid("to", "the query parameter to is required: the number (or address) the send went to");
        }
        String to = canonical(ctx, "to", rawTo);
        String rawFrom = ctx.queryParam("from");
        String from = rawFrom == null || rawFrom.isBlank() ? null : rawFrom.strip();
        String fromCanonical = from == null ? null : addresses.either(from, "US");
        Instant at = at(ctx);
        int window = windowMinutes(ctx);
        List<Map<String, Object>> sends = new ArrayList<>();
        for (TenantProfile tenant : directory.tenants()) {
            for (LedgerEntry entry : ledger.about(tenant.id(), to)) {
                if (entry.event() instanceof SendCommitted send && matches(send, from, fromCanonical, at, window)) {
                    sends.add(send(tenant, entry, send));
                }
            }
        }
        sends.sort(Comparator.comparing((Map<String, Object> send) -> (String) send.get("send_at"))
                .thenComparing(send -> (String) send.get("tenant")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("to", to);
        answer.put("from", fromCanonical == null ? from : fromCanonical);
        answer.put("at", at == null ? null : at.toString());
        answer.put("window_minutes", at == null ? null : window);
        answer.put("sends", sends);
        ctx.json(answer);
    }

    private String canonical(Context ctx, String field, String raw) {
        String address = addresses.either(raw, "US");
        if (address == null) {
            throw ApiProblem.invalid(field, "'" + raw + "' is not a valid phone number or email address");
        }
        return address;
    }

    private static Instant at(Context ctx) {
        String raw = ctx.queryParam("at");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(raw.strip()).toInstant();
            String wrong = JsonBody.outOfRange(at);
            if (wrong != null) {
                throw ApiProblem.invalid("at", wrong);
            }
            return at;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("at", "must be an ISO-8601 date-time with an offset, e.g. 2026-03-14T14:30:00Z");
        }
    }

    private static int windowMinutes(Context ctx) {
        String raw = ctx.queryParam("window_minutes");
        if (raw == null) {
            return DEFAULT_WINDOW_MINUTES;
        }
        try {
            int minutes = Integer.parseInt(raw.strip());
            if (minutes >= 1 && minutes <= MAX_WINDOW_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalid("window_minutes", "must be a whole number from 1 to " + MAX_WINDOW_MINUTES);
    }

    private static boolean matches(SendCommitted send, String from, String fromCanonical, Instant at, int window) {
        if (from != null && !from.equalsIgnoreCase(send.from()) && !(fromCanonical != null && fromCanonical.equals(send.from()))) {
            return false;
        }
        if (at == null) {
            return true;
        }
        return Duration.between(at, send.sendAt()).abs().compareTo(Duration.ofMinutes(window)) <= 0;
    }

    private static Map<String, Object> send(TenantProfile tenant, LedgerEntry entry, SendCommitted send) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tenant", tenant.id());
        json.put("brand", tenant.brand());
        json.put("tenant_status", tenant.status().wireName());
        json.put("check_id", send.checkId());
        // only an allowed check is committed as a send
        json.put("verdict", "allow");
        json.put("channel", send.channel().wireName());
        json.put("purpose", send.purpose().wireName());
        json.put("from", send.from());
        json.put("to", send.address());
        json.put("send_at", send.sendAt().toString());
        json.put("campaign", send.campaign());
        json.put("topic", send.topic());
        json.put("committed_at", entry.recordedAt().toString());
        return json;
    }
}
