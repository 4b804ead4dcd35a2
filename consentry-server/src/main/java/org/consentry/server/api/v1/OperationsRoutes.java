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
import org.consentry.store.projection.ProviderLists;

/** Health for load balancers, metrics for Prometheus, and the published contract. No key needed. */
final class OperationsRoutes {

    static final String OPENAPI = "/org/consentry/server/openapi.json";

    private final Ledger ledger;
    private final ProviderLists registries;
    private final Metrics metrics;
    private final byte[] openApi;

    OperationsRoutes(Ledger ledger, ProviderLists registries, Metrics metrics) {
        this.ledger = ledger;
        this.registries = registries;
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

    /**
     * 200 when the server can judge, else 503 naming what fails: the ledger (writes refused), or a registry copy that
     * cannot be read (every check a registry binds defers until it is imported again) or is still being read against
     * its checksums after a start (a second or so for the national list), so that monitoring and load balancers see it.
     */
    private void health(Context ctx) {
        boolean ledgerHealthy = ledger.healthy();
        java.util.Set<String> unreadable = new java.util.TreeSet<>(registries.unreadable());
        java.util.Set<String> checking = new java.util.TreeSet<>(registries.checking());
        boolean ok = ledgerHealthy && unreadable.isEmpty() && checking.isEmpty();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", ok ? "ok" : "failing");
        answer.put("ledger", ledgerHealthy ? "ok" : "failing: writes are refused and checks defer with STORE_UNAVAILABLE");
        answer.put("registries", !unreadable.isEmpty()
                ? "failing: " + String.join(", ", unreadable) + " cannot be read; checks defer with STORE_UNAVAILABLE until it is imported again"
                : !checking.isEmpty()
                ? "checking: " + String.join(", ", checking) + " being read against its checksums; checks defer with STORE_UNAVAILABLE until then"
                : "ok");
        ctx.status(ok ? 200 : 503).json(answer);
    }
}
