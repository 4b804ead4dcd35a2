package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.delivery.Dispatcher;
import org.consentry.delivery.Sends;
import org.consentry.delivery.smtp.SmtpConnector;
import org.consentry.policy.Channel;
import org.consentry.policy.SendRequest;
import org.consentry.server.http.ApiProblem;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.FieldError;
import org.consentry.server.http.Idempotency;
import org.consentry.server.http.JsonBody;
import org.consentry.server.http.Metrics;
import org.consentry.store.Ids;
import org.consentry.store.outbox.MessageStatus;
import org.consentry.store.outbox.Outbox;
import org.consentry.store.outbox.OutboxMessage;
import org.consentry.store.outbox.StatusEntry;
import org.consentry.tenant.TenantProfile;

/**
 * Messages: a send request checked, then delivered through the connector of its channel. Every message is kept, with
 * its verdict, before the 202: an allowed one is committed (it counts) and queued, a deferred one waits in the outbox
 * and is checked again when due, a blocked one is kept with its reasons. An {@code Idempotency-Key} is kept with the
 * message, in the same write, so that a retry gets the first answer (even after a crash) and never a second message.
 */
final class MessageRoutes {

    private final Authenticator auth;
    private final Sends sends;
    private final Dispatcher dispatcher;
    private final Outbox outbox;
    private final Ids ids;
    private final ObjectMapper json;
    private final Clock clock;
    private final StateField states;
    private final Metrics metrics;
    /** The keys of requests running now, so that a second request with a key waits for none and is told so (409). */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    private final org.consentry.store.inbound.EmailUnsubscribes unsubscribes;
    private final org.consentry.address.EmailAddressParser emails;
    private final String publicUrl;
    private final String mailto;

    /**
     * @param publicUrl the server's address as recipients reach it, for the unsubscribe links it adds (null: the address
     *                  the request came in on)
     * @param mailto    a mailbox for unsubscribe mail, offered beside the link, or null
     */
    MessageRoutes(Authenticator auth, Sends sends, Dispatcher dispatcher, Outbox outbox, Ids ids, ObjectMapper json, Clock clock,
                  StateField states, Metrics metrics, org.consentry.store.inbound.EmailUnsubscribes unsubscribes,
                  org.consentry.address.EmailAddressParser emails, String publicUrl, String mailto) {
        this.unsubscribes = unsubscribes;
        this.emails = emails;
        this.publicUrl = publicUrl;
        this.mailto = mailto;
        this.auth = auth;
        this.sends = sends;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.ids = ids;
        this.json = json;
        this.clock = clock;
        this.states = states;
        this.metrics = metrics;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/messages", this::send);
        endpoints.get("/v1/messages/{id}", this::show);
    }

    private void send(Context ctx) throws Exception {
        TenantProfile tenant = auth.tenant(ctx);
        String key = ctx.header(Idempotency.HEADER);
        if (key == null) {
            accept(ctx, tenant, Sends.Key.NONE);
            return;
        }
        Idempotency.checkKey(key);
        String name = tenant.id() + '\n' + key;
        if (!running.add(name)) {
            throw new ApiProblem(409, "urn:consentry:problem:idempotency-key-running", "The request with this Idempotency-Key has not answered",
                    "a request with this Idempotency-Key is still running; retry when it has answered",
                    List.of(new FieldError(Idempotency.HEADER, "its request is still running")));
        }
        try {
            byte[] fingerprint = Idempotency.fingerprint(ctx);
            Optional<Outbox.KeptAnswer> kept = outbox.answerFor(tenant.id(), key, clock.instant());
            if (kept.isPresent()) {
                if (!Arrays.equals(kept.get().fingerprint(), fingerprint)) {
                    throw new ApiProblem(422, "urn:consentry:problem:idempotency-key-reused", "The Idempotency-Key names another request",
                            "the Idempotency-Key was first used at " + kept.get().at() + " for a different message; a key names one "
                                    + "message for 24 hours: use a new key for a new message",
                            List.of(new FieldError(Idempotency.HEADER, "was used for a different request")));
                }
                ctx.status(202).header(Idempotency.REPLAYED, "true").contentType("application/json").result(kept.get().answer());
                return;
            }
            accept(ctx, tenant, new Sends.Key(key, fingerprint));
        } finally {
            running.remove(name);
        }
    }

    private void accept(Context ctx, TenantProfile tenant, Sends.Key key) throws Exception {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        SendRequest request = SendRequestReader.read(body, clock.instant(), states, Addresses.regionOf(tenant));
        body.finish();
        refuseUndeliverable(request);
        request = withUnsubscribeHeaders(ctx, tenant, request);
        String id = ids.next("msg");
        byte[][] answered = new byte[1][]; // made once: kept with the message (when it has a key) and given now
        Sends.Judged judged = sends.accept(tenant, id, request, key, judgement -> answered[0] = answer(judgement));
        metrics.countVerdict(judged.verdict());
        if (judged.status() == MessageStatus.QUEUED) {
            dispatcher.hand(tenant.id(), id);
        }
        ctx.status(202).contentType("application/json").result(answered[0] != null ? answered[0] : answer(judged));
    }

    /**
     * Marketing email of a tenant that asked for the required additions ({@code auto_append_opt_out}) gets the RFC 8058
     * headers when it has none: {@code List-Unsubscribe} with this server's one-click link for the recipient (and the
     * unsubscribe mailbox, when one is configured) and {@code List-Unsubscribe-Post}. Without them, a bulk sender's
     * marketing is blocked (EMAIL_UNSUBSCRIBE_MISSING).
     */
    private SendRequest withUnsubscribeHeaders(Context ctx, TenantProfile tenant, SendRequest request) {
        if (request.channel() != Channel.EMAIL || !request.purpose().isMarketing() || !tenant.settings().autoAppendOptOut()
                || request.headers().keySet().stream().anyMatch(name -> name.equalsIgnoreCase("List-Unsubscribe"))) {
            return request;
        }
        Optional<String> address = emails.parse(request.to()).map(email -> email.canonical());
        if (address.isEmpty()) {
            return request; // judged INVALID_ADDRESS
        }
        var headers = unsubscribes.headers(new org.consentry.store.inbound.EmailUnsubscribes.Claim(tenant.id(), address.get(),
                request.campaign()), org.consentry.server.http.Html.base(ctx, publicUrl), mailto);
        Map<String, String> all = new LinkedHashMap<>(request.headers());
        all.put("List-Unsubscribe", headers.listUnsubscribe());
        all.put("List-Unsubscribe-Post", headers.listUnsubscribePost());
        return new SendRequest(request.channel(), request.from(), request.to(), request.purpose(), request.body(), request.subject(), all,
                request.sendAt(), request.country(), request.state(), request.aiVoice(), request.prerecorded(), request.recorded(),
                request.campaign(), request.topic(), request.commit());
    }

    /** A message no connector here can deliver, or whose headers it could not write, is refused before it is kept. */
    private void refuseUndeliverable(SendRequest request) {
        if (!dispatcher.delivers(request.channel())) {
            throw new ApiProblem(422, "urn:consentry:problem:no-connector", "No connector delivers this channel",
                    "this server has no connector for " + request.channel().wireName() + " messages; its operator configures one ("
                            + (request.channel() == Channel.EMAIL ? "CONSENTRY_SMTP_URL" : "see the README") + "); /v1/checks judges them",
                    List.of(new FieldError("channel", "no connector delivers " + request.channel().wireName() + " here")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String name = header.getKey();
            if (request.channel() != Channel.EMAIL) {
                errors.add(new FieldError("headers", "are for email only"));
                break;
            }
            if (!isFieldName(name)) {
                errors.add(new FieldError("headers." + name, "is not a header name (printable ASCII, no colon or space)"));
            } else if (SmtpConnector.OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("headers." + name, "is written by the gateway from the message's fields"));
            } else if (header.getValue().indexOf('\r') >= 0 || header.getValue().indexOf('\n') >= 0) {
                errors.add(new FieldError("headers." + name, "must be one line"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    private static boolean isFieldName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x21 || c > 0x7e || c == ':') {
                return false;
            }
        }
        return true;
    }

    private byte[] answer(Sends.Judged judged) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("decision", judged.verdict().decision().wireName());
        verdict.put("not_before", judged.verdict().notBefore() == null ? null : judged.verdict().notBefore().toString());
        verdict.put("reasons", CheckRoutes.reasons(judged.verdict().reasons()));
        verdict.put("notices", CheckRoutes.reasons(judged.verdict().notices()));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("body", judged.request().body());
        if (judged.request().subject() != null) {
            message.put("subject", judged.request().subject());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", judged.id());
        answer.put("status", judged.status().wireName());
        answer.put("verdict", verdict);
        answer.put("message", message);
        try {
            return json.writeValueAsBytes(answer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the answer could not be written", e);
        }
    }

    private void show(Context ctx) throws Exception {
        TenantProfile tenant = auth.tenant(ctx);
        String id = ctx.pathParam("id");
        OutboxMessage message = outbox.find(tenant.id(), id)
                .orElseThrow(() -> ApiProblem.notFound("the tenant has no message " + id));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", message.id());
        answer.put("status", message.status().wireName());
        answer.put("channel", message.request().channel().wireName());
        answer.put("from", message.request().from());
        answer.put("to", message.address());
        answer.put("created_at", message.createdAt().toString());
        answer.put("next_attempt_at", message.dueAt() == null ? null : message.dueAt().toString());
        answer.put("attempts", message.attempts());
        answer.put("provider_id", message.providerId());
        List<Map<String, Object>> history = new ArrayList<>();
        for (StatusEntry entry : outbox.history(message.id())) {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("status", entry.status().wireName());
            status.put("at", entry.at().toString());
            status.put("detail", entry.detail() == null ? null : json.readTree(entry.detail()));
            history.add(status);
        }
        answer.put("history", history);
        ctx.contentType("application/json").result(json.writeValueAsBytes(answer));
    }
}
