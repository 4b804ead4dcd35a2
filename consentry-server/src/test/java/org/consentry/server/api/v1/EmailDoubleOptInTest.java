package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.consentry.store.testing.MutableClock;
import org.consentry.store.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Email double opt-in over HTTP: only the confirmation page's POST confirms, with its own evidence; links expire. */
class EmailDoubleOptInTest {

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(StoreFixture.START);
    private final HttpClient client = HttpClient.newHttpClient();
    private TestServer server;
    private TestServer.Tenant acme;

    @BeforeEach
    void start() {
        server = new TestServer(directory, clock);
        acme = server.tenant("Acme");
        server.post("/v1/tenants/" + acme.id() + "/senders", TestServer.ADMIN_KEY,
                "{\"address\": \"acme.example\", \"kind\": \"email_domain\", \"verified\": true}");
        assertThat(server.send("PUT", "/v1/settings", acme.key(), "{\"double_opt_in\": {\"email\": true, \"sms\": true}}").status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpAnswer signUp(String address, String channel) {
        return server.post("/v1/consents", acme.key(), """
                {"address": "%s", "channel": "%s", "purpose": "marketing", "method": "web_form",
                 "ip": "203.0.113.7", "source_url": "https://shop.example/join", "disclosure_text": "Email me Acme offers."}"""
                .formatted(address, channel));
    }

    private String decision() {
        return server.post("/v1/checks", acme.key(), """
                {"channel": "email", "from": "Acme <news@acme.example>", "to": "ana@example.com", "purpose": "marketing",
                 "subject": "Spring sale", "body": "<p>Acme: spring sale.</p><p>1 Main St, Miami FL 33101</p><p><a href=\\"https://acme.example/u\\">Unsubscribe</a></p>"}""")
                .text("/decision");
    }

    private HttpResponse<String> send(String url, boolean post) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(url)).header("User-Agent", "Mozilla/5.0 (Test)");
        return client.send(post ? request.POST(HttpRequest.BodyPublishers.noBody()).build() : request.GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyThePagesPostConfirmsAndItsEvidenceIsKept() throws Exception {
        HttpAnswer pending = signUp("ana@example.com", "email");
        assertThat(pending.text("/status")).isEqualTo("pending");
        String url = pending.text("/confirmation_url");
        assertThat(url).startsWith(server.uri("/c/").toString());
        assertThat(decision()).isEqualTo("block");

        HttpResponse<String> page = send(url, false);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\">", "<button type=\"submit\">Confirm</button>", "a***@example.com");
        send(url, false);
        assertThat(decision()).as("opening the link (a scanner, a preview) confirms nothing").isEqualTo("block");

        HttpResponse<String> confirmed = send(url, true);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Subscription confirmed");
        assertThat(decision()).isEqualTo("allow");
        HttpAnswer history = server.get("/v1/consents?address=ana%40example.com", acme.key());
        assertThat(history.json().at("/events").findValuesAsText("type")).containsExactly("consent.granted", "consent.confirmed");
        assertThat(history.text("/events/1/event/via")).isEqualTo("email:confirmation-link");
        assertThat(history.text("/events/1/event/ip")).isEqualTo("127.0.0.1");
        assertThat(history.text("/events/1/event/user_agent")).isEqualTo("Mozilla/5.0 (Test)");

        assertThat(send(url, true).statusCode()).as("used").isEqualTo(409);
    }

    @Test
    void aForgedOrExpiredLinkConfirmsNothing() throws Exception {
        String url = signUp("ana@example.com", "email").text("/confirmation_url");
        String token = url.substring(url.lastIndexOf('/') + 1);
        // one character of the signature changed, never into itself (the last one may hold only padding bits)
        char changed = token.charAt(token.length() - 2) == 'A' ? 'B' : 'A';
        String forged = url.substring(0, url.lastIndexOf('/') + 1) + token.substring(0, token.length() - 2) + changed
                + token.charAt(token.length() - 1);
        assertThat(send(forged, true).statusCode()).isEqualTo(404);
        clock.advance(Duration.ofDays(8));
        HttpResponse<String> expired = send(url, true);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired");
        assertThat(server.get("/v1/consents?address=ana%40example.com", acme.key()).json().at("/events").findValuesAsText("type"))
                .containsExactly("consent.granted");
    }

    @Test
    void textsAreConfirmedByReplyNotByLink() {
        HttpAnswer pending = signUp("+13055550100", "sms");
        assertThat(pending.text("/status")).isEqualTo("pending");
        assertThat(pending.json().has("confirmation_url")).isFalse();
    }

    @Test
    void aConsentNeverConfirmedLapsesAfterThirtyDaysAndTheJobDoesItAtStart() throws Exception {
        signUp("ana@example.com", "email");
        signUp("+13055550100", "sms");
        clock.advance(Duration.ofDays(29));
        assertThat(server.store().consents().expirePending(clock.instant(), Duration.ofDays(30))).isZero();
        server.close();
        clock.advance(Duration.ofDays(2));
        server = new TestServer(directory, clock);
        for (int i = 0; i < 100 && server.get("/v1/consents?address=ana%40example.com", acme.key()).json().at("/events").size() < 2; i++) {
            Thread.sleep(50);
        }
        HttpAnswer history = server.get("/v1/consents?address=ana%40example.com", acme.key());
        assertThat(history.json().at("/events").findValuesAsText("type")).containsExactly("consent.granted", "consent.revoked");
        assertThat(history.text("/events/1/event/via")).isEqualTo("expired: not confirmed within 30 days");
        assertThat(server.get("/v1/consents?address=%2B13055550100", acme.key()).json().at("/events").findValuesAsText("type"))
                .containsExactly("consent.granted", "consent.revoked");
        assertThat(server.store().consents().expirePending(clock.instant(), Duration.ofDays(30))).as("once only").isZero();
    }
}
