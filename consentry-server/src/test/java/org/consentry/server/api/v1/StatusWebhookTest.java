package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.consentry.delivery.webhook.WebhookSignature;
import org.consentry.server.testing.HttpAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status webhook: each status of a message posted, signed, to the URL in the tenant's settings (a real HTTP
 * server in the test), and posted again after a failure.
 */
class StatusWebhookTest extends ServerWithMail {

    /** A post the receiver got: its body and signature header. */
    private record Post(byte[] body, String signature) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGive = new AtomicInteger();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/status", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean fail = failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (!fail) {
                posts.add(new Post(body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER)));
            }
            exchange.sendResponseHeaders(fail ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/status";
    }

    private String setWebhook() {
        HttpAnswer settings = server.send("PUT", "/v1/settings", acme.key(), "{\"status_webhook_url\": \"" + url() + "\"}");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.text("/status_webhook_url")).isEqualTo(url());
        return settings.text("/status_webhook_secret");
    }

    private String sendReceipt() {
        return server.post("/v1/messages", acme.key(), """
                {"channel": "email", "from": "Acme <news@acme.example>", "to": "ana@example.com", "purpose": "transactional",
                 "subject": "Your receipt", "body": "Acme: your receipt #123. 1 Main St, Miami FL 33101"}""").text("/id");
    }

    private List<Post> awaitPosts(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (posts.size() < count && System.nanoTime() < deadline) {
            server.server().wakeDispatcher();
            sleep(20);
        }
        assertThat(posts).hasSizeGreaterThanOrEqualTo(count);
        return posts;
    }

    @Test
    void eachStatusIsPostedSignedWithTheTenantsSecret() {
        String secret = setWebhook();
        assertThat(secret).startsWith("whsec_");
        String id = sendReceipt();
        awaitStatus(id, "sent");

        List<Post> got = awaitPosts(2);
        assertThat(got).extracting(post -> post.json().at("/status").asText()).containsExactlyInAnyOrder("queued", "sent");
        for (Post post : got) {
            assertThat(post.json().at("/message_id").asText()).isEqualTo(id);
            assertThat(post.json().at("/type").asText()).isEqualTo("message.status");
            assertThat(WebhookSignature.verify(secret, post.signature(), post.body(), clock.instant())).isTrue();
            assertThat(WebhookSignature.verify(secret, post.signature(), (new String(post.body()) + " ").getBytes(), clock.instant())).isFalse();
        }
        assertThat(got).extracting(post -> post.json().at("/event_id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void aFailedPostIsPostedAgainAfterItsBackoff() {
        String secret = setWebhook();
        failuresToGive.set(1);
        String id = sendReceipt();
        awaitStatus(id, "sent");
        awaitPosts(1); // one of the two got through; the other failed once
        sleep(300);
        assertThat(posts).hasSize(1);

        clock.advance(Duration.ofSeconds(10));
        List<Post> got = awaitPosts(2);
        assertThat(got).extracting(post -> post.json().at("/status").asText()).containsExactlyInAnyOrder("queued", "sent");
        assertThat(got).allSatisfy(post -> assertThat(WebhookSignature.verify(secret, post.signature(), post.body(), clock.instant())).isTrue());
    }

    @Test
    void aTenantWithoutAWebhookHearsNothingAndAUrlThatIsNotHttpsIsRefused() {
        awaitStatus(sendReceipt(), "sent");
        sleep(300);
        assertThat(posts).isEmpty();
        assertThat(server.get("/v1/settings", acme.key()).json().has("status_webhook_secret")).isFalse();

        HttpAnswer plain = server.send("PUT", "/v1/settings", acme.key(), "{\"status_webhook_url\": \"http://hooks.example.com/status\"}");
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.json().at("/errors/0/field").asText()).isEqualTo("status_webhook_url");
    }
}
