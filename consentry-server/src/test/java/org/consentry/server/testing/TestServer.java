package org.consentry.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.consentry.server.ConsentryServer;
import org.consentry.server.ServerConfig;
import org.consentry.store.Store;

/**
 * The real server on a free port over an embedded store in a directory, and an HTTP client to talk to it.
 * Tests speak HTTP, as users do.
 */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_KEY = "csa_test_admin_key";

    private final Store store;
    private final ConsentryServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public TestServer(Path directory, Clock clock) {
        this(directory, clock, new ServerConfig("127.0.0.1", 0));
    }

    /** A server with its own configuration (its host and port are taken as given: use 127.0.0.1 and 0). */
    public TestServer(Path directory, Clock clock, ServerConfig config) {
        this(directory, clock, config, java.util.List.of());
    }

    /** A server that delivers messages through {@code connectors} (closed with it). */
    public TestServer(Path directory, Clock clock, ServerConfig config, java.util.List<org.consentry.delivery.Connector> connectors) {
        this.store = Store.embedded(directory, clock);
        store.adminKeys().ensure(ADMIN_KEY, store.apiKeys(), clock);
        this.server = ConsentryServer.start(config, store, clock, connectors);
    }

    public TestServer(Path directory) {
        this(directory, Clock.systemUTC());
    }

    public Store store() {
        return store;
    }

    public ConsentryServer server() {
        return server;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpAnswer send(String method, String path, String key, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpAnswer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    public HttpAnswer post(String path, String key, String body, String... headers) {
        return send("POST", path, key, body, headers);
    }

    /** A CSV body (consent imports, scrubs). */
    public HttpAnswer postCsv(String path, String key, String csv) {
        return post(path, key, csv, "Content-Type", "text/csv");
    }

    public HttpAnswer get(String path, String key, String... headers) {
        return send("GET", path, key, null, headers);
    }

    /** A tenant, and its key. */
    public record Tenant(String id, String key) {
    }

    public Tenant tenant(String brand) {
        HttpAnswer created = post("/v1/tenants", ADMIN_KEY, """
                {"name": "%s Inc.", "brand": "%s", "industry": "retail", "country": "US",
                 "postal_address": "1 Main St, Miami FL 33101", "support_contact": "help@%s.example"}"""
                .formatted(brand, brand, brand.toLowerCase()));
        if (created.status() != 201) {
            throw new AssertionError("tenant not created: " + created);
        }
        return new Tenant(created.text("/id"), created.text("/api_key"));
    }

    /** A tenant with +18005550199 as a verified sender. */
    public Tenant tenantWithSender(String brand) {
        Tenant tenant = tenant(brand);
        HttpAnswer sender = post("/v1/tenants/" + tenant.id() + "/senders", ADMIN_KEY,
                "{\"address\": \"+18005550199\", \"kind\": \"phone\", \"verified\": true}");
        if (sender.status() != 201) {
            throw new AssertionError("sender not verified: " + sender);
        }
        return tenant;
    }

    /** What verifying a proof bundle (as {@code GET /v1/evidence} gives it) with the server's published key finds. */
    @SuppressWarnings("unchecked")
    public org.consentry.evidence.EvidenceSignature.Verification verify(com.fasterxml.jackson.databind.JsonNode bundle) {
        java.security.PublicKey key = org.consentry.evidence.EvidenceSignature.publicKey(
                get("/v1/keys", null).json().at("/keys/0/public_key").asText());
        return org.consentry.evidence.EvidenceSignature.verify(new com.fasterxml.jackson.databind.ObjectMapper().convertValue(bundle,
                java.util.Map.class), key);
    }

    /** How many events the whole ledger holds. */
    public long ledgerSize() {
        long[] count = {0};
        store.ledger().replay(entry -> count[0]++);
        return count[0];
    }

    @Override public void close() {
        server.close();
        store.close();
    }
}
