package org.consentry.server.api.v1;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.Metrics;
import org.consentry.store.ledger.Ledger;

/** Health for load balancers, metrics for Prometheus, and the published contract. No key needed. */
final class OperationsRoutes {

    static final String OPENAPI = "/org/consentry/server/openapi.json";

    private final Ledger ledger;
    private final Metrics metrics;
    private final byte[] openApi;

    OperationsRoutes(Ledger ledger, Metrics metrics) {
        this.ledger = ledger;
        this.metrics = metrics;
        try (InputStream in = OperationsRoutes.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + " is missing from the class path");
            }
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(Endpoints endpoints) {
        endpoints.get("/health", this::health);
        endpoints.get("/metrics", ctx -> ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.exposition(ledger::healthy)));
        endpoints.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    private void health(Context ctx) {
        boolean healthy = ledger.healthy();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", healthy ? "ok" : "failing");
        answer.put("ledger", healthy ? "ok" : "failing: writes are refused and checks defer with STORE_UNAVAILABLE");
        ctx.status(healthy ? 200 : 503).json(answer);
    }
}
