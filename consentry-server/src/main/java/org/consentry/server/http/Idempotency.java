package org.consentry.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.consentry.store.idempotency.IdempotencyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Idempotency-Key} header on requests that take effect (a send committed, a consent or opt-out recorded):
 * the first answer is kept for 24 hours and a retry with the same key and the same request gets it again, marked
 * {@code Idempotent-Replayed: true}, and never a second effect. The key is the tenant's own; any printable ASCII of 1
 * to 255 characters (a UUID is usual). The same key with another request (method, path, query or body) is 422; while
 * the first request runs, or when the process died before it answered (its outcome unknown), 409. A request refused
 * before it took effect (a 4xx, or a store that did not answer and wrote nothing) keeps no answer, so a corrected
 * retry runs.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY = 255;
    private static final String PARTLY_COMMITTED = "urn:consentry:problem:batch-partly-committed";
    private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);

    private final IdempotencyStore store;
    private final Function<Context, String> tenantOf;
    private final Problems problems;
    private final Clock clock;

    /**
     * @param tenantOf the tenant a request acts for (authenticating it), whose keys it uses
     */
    public Idempotency(IdempotencyStore store, Function<Context, String> tenantOf, Problems problems, Clock clock) {
        this.store = store;
        this.tenantOf = tenantOf;
        this.problems = problems;
        this.clock = clock;
    }

    /** The handler, answering once per key. */
    public Handler wrap(Handler handler) {
        return ctx -> {
            String key = ctx.header(HEADER);
            if (key == null) {
                handler.handle(ctx);
                return;
            }
            checkKey(key);
            String tenant = tenantOf.apply(ctx);
            IdempotencyStore.Claim claim = store.claim(tenant, key, fingerprint(ctx), clock.instant());
            if (claim instanceof IdempotencyStore.Answered answered) {
                ctx.status(answered.status()).header(REPLAYED, "true");
                if (answered.contentType() != null) {
                    ctx.contentType(answered.contentType());
                }
                ctx.result(answered.body());
                return;
            }
            if (claim instanceof IdempotencyStore.Reused reused) {
                throw new ApiProblem(422, "urn:consentry:problem:idempotency-key-reused", "The Idempotency-Key names another request",
                        "the Idempotency-Key was first used at " + reused.at() + " for a different request (method, path or body); a key "
                                + "names one request for 24 hours: use a new key for a new request",
                        List.of(new FieldError(HEADER, "was used for a different request")));
            }
            if (claim instanceof IdempotencyStore.Running running) {
                throw new ApiProblem(409, "urn:consentry:problem:idempotency-key-running", "The request with this Idempotency-Key has not answered",
                        running.interrupted()
                                ? "the request with this Idempotency-Key began at " + running.since() + " and the server stopped before it "
                                  + "answered: whether it took effect is unknown, so it is not run again; look up its effect, and send "
                                  + "what is missing with a new key"
                                : "the request with this Idempotency-Key began at " + running.since() + " and is still running; retry "
                                  + "when it has answered",
                        List.of(new FieldError(HEADER, running.interrupted() ? "its request was interrupted" : "its request is still running")));
            }
            run(ctx, handler, tenant, key);
        };
    }

    private void run(Context ctx, Handler handler, String tenant, String key) throws Exception {
        try {
            handler.handle(ctx);
        } catch (ApiProblem problem) {
            if (PARTLY_COMMITTED.equals(problem.type())) {
                // part of it took effect: that answer is the one a retry gets, or it would commit those items again
                problems.write(ctx, problem);
                keep(ctx, tenant, key);
                return;
            }
            letGo(tenant, key);
            throw problem;
        } catch (Exception | Error e) {
            letGo(tenant, key); // nothing was written (a store that did not answer refuses the write whole)
            throw e;
        }
        if (ctx.statusCode() >= 500) {
            letGo(tenant, key);
            return;
        }
        keep(ctx, tenant, key);
    }

    private void keep(Context ctx, String tenant, String key) throws java.io.IOException {
        java.io.InputStream result = ctx.resultInputStream();
        byte[] body = result == null ? new byte[0] : result.readAllBytes();
        ctx.result(body);
        try {
            store.complete(tenant, key, ctx.statusCode(), ctx.res().getContentType(), body);
        } catch (RuntimeException e) {
            // the request took effect and answers; a retry finds it unanswered, as after a crash, and is not run again
            LOG.warn("the answer to a request with an Idempotency-Key was not kept: {}", e.getMessage());
        }
    }

    private void letGo(String tenant, String key) {
        try {
            store.release(tenant, key);
        } catch (RuntimeException e) {
            LOG.warn("an Idempotency-Key whose request took no effect was not released: {}", e.getMessage());
        }
    }

    public static void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY) {
            throw ApiProblem.invalid(HEADER, "must be 1 to " + MAX_KEY + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw ApiProblem.invalid(HEADER, "must be printable ASCII without spaces (a UUID, say)");
            }
        }
    }

    /** What makes two requests the same: method, path, query and body. */
    public static byte[] fingerprint(Context ctx) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((ctx.method() + " " + ctx.path() + "?" + (ctx.queryString() == null ? "" : ctx.queryString()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(ctx.bodyAsBytes());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
