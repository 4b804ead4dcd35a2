package org.consentry.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.consentry.delivery.Delivery;
import org.consentry.delivery.Outbound;
import org.consentry.policy.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook connector's contract, against a real HTTP endpoint running in the test. */
class WebhookConnectorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T16:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET = "a-secret-of-the-operator-0123456789";

    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private HttpServer endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/send", exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            signatures.add(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            byte[] reply = "{\"id\": \"call-77\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    private WebhookConnector connector() {
        return new WebhookConnector(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/send"), SECRET,
                Set.of(Channel.VOICE, Channel.IVR), CLOCK);
    }

    private static Outbound call() {
        return new Outbound("msg_1", "ten_1", Channel.IVR, "+18005550199", "+13055550100", null, "Your appointment is tomorrow at 10.",
                Map.of(), CLOCK.instant());
    }

    @Test
    void theMessageIsPostedSignedAndTheEndpointsIdKept() throws IOException {
        Delivery delivery = connector().send(call()).join();

        assertThat(delivery).isEqualTo(new Delivery.Accepted("call-77"));
        JsonNode posted = new ObjectMapper().readTree(bodies.get(0));
        assertThat(posted.at("/id").asText()).isEqualTo("msg_1");
        assertThat(posted.at("/channel").asText()).isEqualTo("ivr");
        assertThat(posted.at("/to").asText()).isEqualTo("+13055550100");
        assertThat(WebhookSignature.verify(SECRET, signatures.get(0), bodies.get(0), CLOCK.instant())).isTrue();
    }

    @Test
    void theEndpointsAnswerDecidesWhetherItIsTriedAgain() {
        answer.set(503);
        assertThat(connector().send(call()).join()).isInstanceOf(Delivery.Unavailable.class);
        answer.set(429);
        assertThat(connector().send(call()).join()).isInstanceOf(Delivery.Unavailable.class);
        answer.set(422);
        assertThat(connector().send(call()).join()).isInstanceOf(Delivery.Rejected.class);
    }

    @Test
    void anEndpointNotReachedIsTriedAgain() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        WebhookConnector unreachable = new WebhookConnector(URI.create("http://127.0.0.1:" + closed + "/send"), SECRET, Set.of(Channel.VOICE), CLOCK);
        assertThat(unreachable.send(call()).join()).isInstanceOf(Delivery.Unavailable.class);
    }

    @Test
    void anAnswerWithoutAnIdIsStillTaken() {
        assertThat(WebhookConnector.outcome(204, "")).isEqualTo(new Delivery.Accepted(null));
        assertThat(WebhookConnector.outcome(200, "not json")).isEqualTo(new Delivery.Accepted(null));
        assertThat(WebhookConnector.outcome(200, "[1]")).isEqualTo(new Delivery.Accepted(null));
    }
}
