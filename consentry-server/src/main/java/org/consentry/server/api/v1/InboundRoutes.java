package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.consentry.server.http.ApiProblem;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.inbound.ReplyOutcome;
import org.consentry.store.inbound.SmsReplies;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.tenant.TenantProfile;

/**
 * Texts recipients send to a tenant's numbers. The tenant is the one that owns {@code to}: a tenant key may
 * report replies to its own numbers only; the admin key (the provider's network) may report any.
 */
final class InboundRoutes {

    /**
     * The longest reply taken. The classifier reads a reply from its beginning (its first 1,600 characters); a longer
     * reply is read so, not refused, or a STOP at its start would be lost.
     */
    static final int MAX_TEXT = 100_000;

    private final Authenticator auth;
    private final SmsReplies replies;
    private final TenantDirectory directory;
    private final Addresses addresses;
    private final ObjectMapper json;
    private final Clock clock;

    InboundRoutes(Authenticator auth, SmsReplies replies, TenantDirectory directory, Addresses addresses, ObjectMapper json,
                  Clock clock) {
        this.auth = auth;
        this.replies = replies;
        this.directory = directory;
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/inbound/sms", this::sms);
    }

    private void sms(Context ctx) {
        Optional<TenantProfile> caller = auth.tenantIfAny(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        String region = Addresses.region(body, "country");
        String from = addresses.phone(body, "from", body.string("from", 64), region);
        String to = addresses.phone(body, "to", body.string("to", 64), region);
        String text = body.optionalString("body", MAX_TEXT);
        Instant at = Moments.past(body, "at", clock);
        body.finish();
        String owner = directory.ownerOfPhone(to).orElseThrow(() -> ApiProblem.invalid("to", to + " is not a number of any account"));
        if (caller.isPresent() && !caller.get().id().equals(owner)) {
            throw ApiProblem.invalid("to", to + " is not a number of this account");
        }
        TenantProfile tenant = directory.tenant(owner).orElseThrow();
        ReplyOutcome outcome = replies.handle(tenant, from, to, text == null ? "" : text, at);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("action", outcome.action().wireName());
        answer.put("keyword", outcome.keyword());
        answer.put("ambiguous", outcome.ambiguous());
        answer.put("why", outcome.why());
        answer.put("reply", outcome.reply());
        answer.put("tenant", tenant.id());
        ctx.json(answer);
    }
}
