package org.consentry.server;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.consentry.policy.PolicyEngine;
import org.consentry.policy.rules.StandardRulebook;
import org.consentry.server.api.v1.ApiV1;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.Metrics;
import org.consentry.server.http.ProblemErrorHandler;
import org.consentry.server.http.Problems;
import org.consentry.store.Store;

/** Consentry's HTTP server over a store: every endpoint of API.md that is built so far. */
public final class ConsentryServer implements AutoCloseable {

    /** Large enough for a batch of 10,000 checks. */
    static final long MAX_REQUEST_BYTES = 32L * 1024 * 1024;

    /** How often overdue proof requests are looked for (and once at start, so that a restart misses none). */
    static final java.time.Duration JOBS_EVERY = java.time.Duration.ofSeconds(30);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsentryServer.class);

    private final Javalin app;
    private final List<String> endpoints;
    private final java.util.concurrent.ScheduledExecutorService jobs;
    private final org.consentry.delivery.Dispatcher dispatcher;
    private final org.consentry.delivery.webhook.StatusWebhooks webhooks;

    private ConsentryServer(Javalin app, List<String> endpoints, java.util.concurrent.ScheduledExecutorService jobs,
                            org.consentry.delivery.Dispatcher dispatcher, org.consentry.delivery.webhook.StatusWebhooks webhooks) {
        this.app = app;
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.endpoints = endpoints;
        this.jobs = jobs;
    }

    /** How often the server looks for registry copies imported by another process ({@code consentry registry import}). */
    static final java.time.Duration REGISTRIES_EVERY = java.time.Duration.ofSeconds(5);

    /**
     * The scheduled jobs: proof requests past their due time suspend their tenant; unconfirmed consents lapse;
     * registry copies imported beside the server are taken into force.
     */
    private static java.util.concurrent.ScheduledExecutorService jobs(Store store, Clock clock, ServerConfig config) {
        java.util.concurrent.ScheduledExecutorService jobs = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "consentry-jobs");
            thread.setDaemon(true);
            return thread;
        });
        jobs.scheduleWithFixedDelay(() -> {
            try {
                for (var expired : store.proofRequests().expireOverdue(clock.instant())) {
                    log.warn("proof request {} of tenant {} expired unanswered; the tenant is suspended", expired.id(), expired.tenant());
                }
            } catch (RuntimeException e) {
                log.error("the proof request job failed; it runs again in {}", JOBS_EVERY, e);
            }
            try {
                int lapsed = store.consents().expirePending(clock.instant(), config.pendingLifetime());
                if (lapsed > 0) {
                    log.info("{} pending consents lapsed unconfirmed after {} days", lapsed, config.pendingLifetime().toDays());
                }
            } catch (RuntimeException e) {
                log.error("the pending consent job failed; it runs again in {}", JOBS_EVERY, e);
            }
        }, 0, JOBS_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        jobs.scheduleWithFixedDelay(() -> {
            try {
                if (store.registries().refresh() > 0) {
                    store.registries().all().forEach(copy -> log.info("registry {} in force: {} numbers as of {}", copy.list(), copy.size(), copy.asOf()));
                }
            } catch (RuntimeException e) {
                log.error("looking for new registry copies failed; it runs again in {}", REGISTRIES_EVERY, e);
            }
        }, REGISTRIES_EVERY.toMillis(), REGISTRIES_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return jobs;
    }

    public static ObjectMapper json() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // a body is one JSON value: '{...}{...}' or '{...}xx' is refused, not read as its first object
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** A server that delivers no message: {@code POST /v1/messages} refuses every channel (checks still answer). */
    public static ConsentryServer start(ServerConfig config, Store store, Clock clock) {
        return start(config, store, clock, List.of());
    }

    /**
     * A server that delivers messages through {@code connectors} (the first for a channel delivers it); they are closed
     * with the server.
     */
    public static ConsentryServer start(ServerConfig config, Store store, Clock clock, List<org.consentry.delivery.Connector> connectors) {
        return start(config, store, clock, connectors, org.consentry.delivery.SenderRates.load());
    }

    /** As above, with each kind of sender's rate ({@code CONSENTRY_SENDER_RATES}). */
    public static ConsentryServer start(ServerConfig config, Store store, Clock clock, List<org.consentry.delivery.Connector> connectors,
                                        org.consentry.delivery.SenderRates rates) {
        ObjectMapper json = json();
        PolicyEngine engine = new PolicyEngine(StandardRulebook.load());
        org.consentry.delivery.Sends sends = new org.consentry.delivery.Sends(store.facts(), engine, store.recipientLocks(), store.outbox(),
                store.directory(), clock);
        org.consentry.delivery.Dispatcher dispatcher = new org.consentry.delivery.Dispatcher(store.outbox(), sends, connectors, clock,
                new org.consentry.delivery.HandsetReplies(store.replies(), store.directory(), sends, store.ids()), rates);
        AtomicReference<List<String>> registered = new AtomicReference<>();
        Metrics metrics = new Metrics();
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalin.http.prefer405over404 = true; // a known path asked with another method: 405, not "not found"
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.jsonMapper(new JavalinJackson(json, false));
            javalin.requestLogger.http(metrics::countRequest);
            javalin.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            new Problems(json).register(javalin.routes);
            Endpoints endpoints = new Endpoints(javalin.routes, config.trustedProxies());
            ApiV1.register(endpoints, store, engine, json, clock, config, metrics, sends, dispatcher);
            registered.set(endpoints.registered());
        });
        // delivery first: a message accepted by the first request finds its dispatcher running
        dispatcher.start();
        org.consentry.delivery.webhook.StatusWebhooks webhooks = new org.consentry.delivery.webhook.StatusWebhooks(store.outbox(),
                store.directory(), store.webhookKey(), clock).start();
        try {
            app.start();
        } catch (RuntimeException e) {
            dispatcher.close();
            webhooks.close();
            throw e;
        }
        return new ConsentryServer(app, registered.get(), jobs(store, clock, config), dispatcher, webhooks);
    }

    public int port() {
        return app.port();
    }

    /** Every endpoint served, as {@code METHOD /path}. */
    public List<String> endpoints() {
        return endpoints;
    }

    /** Has the outbox looked at now (a test moved the clock past a deferred message's time). */
    public void wakeDispatcher() {
        dispatcher.wake();
        webhooks.wake();
    }

    @Override public void close() {
        jobs.shutdownNow();
        app.stop();
        dispatcher.close();
        webhooks.close();
    }
}
