package org.consentry.delivery.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.consentry.delivery.Connector;
import org.consentry.delivery.Delivery;
import org.consentry.delivery.Outbound;
import org.consentry.policy.Channel;

/**
 * Delivers messages of any channel by posting them, signed ({@link WebhookSignature}), to an HTTP endpoint the
 * operator runs (a dialer, a voice platform, an in-house sender). The endpoint's answer decides: 2xx took it (an
 * {@code id} in a JSON answer becomes the provider id), 408, 429 and 5xx are tried again later, any other 4xx
 * refused it for good. Each post carries the message's id, so that a post repeated after a crash is recognisable.
 */
public final class WebhookConnector implements Connector {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String secret;
    private final Set<Channel> channels;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    public WebhookConnector(URI url, String secret, Set<Channel> channels, Clock clock) {
        if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("the webhook connector's URL must be http(s): " + url);
        }
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the webhook connector's secret must be at least 16 characters");
        }
        this.url = url;
        this.secret = secret;
        this.channels = Set.copyOf(channels);
        this.clock = clock;
    }

    @Override public String name() {
        return "webhook";
    }

    @Override public Set<Channel> channels() {
        return channels;
    }

    @Override public CompletableFuture<Delivery> send(Outbound message) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(body(message));
        } catch (java.io.IOException e) {
            return CompletableFuture.completedFuture(new Delivery.Rejected("the message could not be written: " + e.getMessage()));
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Consentry-Webhooks/1")
                .header("Idempotency-Key", message.id())
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, clock.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> failure != null ? new Delivery.Unavailable("the endpoint was not reached: " + failure.getMessage())
                        : outcome(response.statusCode(), response.body()));
    }

    static Delivery outcome(int status, String answer) {
        if (status / 100 == 2) {
            return new Delivery.Accepted(idIn(answer));
        }
        String why = "the endpoint answered " + status;
        return status == 408 || status == 429 || status >= 500 ? new Delivery.Unavailable(why) : new Delivery.Rejected(why);
    }

    /** The {@code id} of a JSON object answer, or null. */
    private static String idIn(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(answer);
            return json != null && json.path("id").isValueNode() ? json.path("id").asText() : null;
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    private static Map<String, Object> body(Outbound message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", message.id());
        json.put("tenant", message.tenant());
        json.put("channel", message.channel().wireName());
        json.put("from", message.from());
        json.put("to", message.to());
        json.put("subject", message.subject());
        json.put("body", message.body());
        json.put("headers", message.headers());
        json.put("committed_at", message.committedAt().toString());
        return json;
    }

    @Override public void close() {
        // the client's threads end with it
    }
}
