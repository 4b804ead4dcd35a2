package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.consentry.store.testing.MutableClock;
import org.consentry.store.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 8058 one-click unsubscribe and the page behind the link, over HTTP, with forged links refused. */
class UnsubscribeLinksTest {

    private static final String ANA = "ana@example.com";

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
        assertThat(server.post("/v1/tenants/" + acme.id() + "/senders", TestServer.ADMIN_KEY,
                "{\"address\": \"acme.example\", \"kind\": \"email_domain\", \"verified\": true}").status()).isEqualTo(201);
        assertThat(server.post("/v1/consents", acme.key(), """
                {"address": "ana@example.com", "channel": "email", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7",
                 "user_agent": "Mozilla/5.0", "source_url": "https://shop.example/join",
                 "disclosure_text": "Email me offers from Acme."}""").status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpAnswer link(String list) {
        return server.post("/v1/unsubscribe-links", acme.key(),
                "{\"address\": \"Ana@Example.com\"" + (list == null ? "" : ", \"list\": \"" + list + "\"") + "}");
    }

    private String emailDecision(String campaign) {
        return server.post("/v1/checks", acme.key(), """
                {"channel": "email", "from": "Acme <news@acme.example>", "to": "ana@example.com", "purpose": "marketing",
                 "subject": "Spring sale", "campaign": "%s",
                 "body": "<p>Acme: spring sale, 20%% off.</p><p>1 Main St, Miami FL 33101</p><p><a href=\\"https://acme.example/u\\">Unsubscribe</a></p>"}"""
                .formatted(campaign)).text("/decision");
    }

    private HttpResponse<String> form(String url, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> open(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> eventTypes() {
        return server.get("/v1/evidence?address=ana%40example.com", acme.key()).json().at("/events").findValuesAsText("type");
    }

    @Test
    void theLinkComesWithTheRfc8058Headers() {
        HttpAnswer link = link("spring");
        assertThat(link.status()).isEqualTo(201);
        String url = link.text("/url");
        assertThat(url).startsWith(server.uri("/u/").toString());
        assertThat(link.text("/list_unsubscribe")).isEqualTo("<" + url + ">");
        assertThat(link.text("/list_unsubscribe_post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(link.text("/address")).isEqualTo(ANA);
    }

    /** RFC 8058's own example posts multipart/form-data; a broken multipart body is a bad request, and unsubscribes no one. */
    @Test
    void aOneClickPostMayBeMultipartAndABrokenOneIsRefused() throws Exception {
        String url = link("spring").text("/url");
        HttpResponse<String> broken = client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=zz")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(emailDecision("spring")).isEqualTo("allow");

        String multipart = "--zz\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--zz--\r\n";
        HttpResponse<String> done = client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=zz")
                .POST(HttpRequest.BodyPublishers.ofString(multipart)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(emailDecision("spring")).isEqualTo("block");
        assertThat(server.get("/v1/evidence?address=ana%40example.com", acme.key()).json().at("/events").findValuesAsText("via"))
                .contains("email:one-click");
    }

    @Test
    void aOneClickPostLeavesTheListAndOnlyTheList() throws Exception {
        String url = link("spring").text("/url");
        assertThat(emailDecision("spring")).isEqualTo("allow");

        HttpResponse<String> done = form(url, "List-Unsubscribe=One-Click");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("is unsubscribed from the list \u201cspring\u201d of Acme");
        assertThat(emailDecision("spring")).isEqualTo("block");
        assertThat(emailDecision("autumn")).isEqualTo("allow");
        assertThat(eventTypes()).containsExactly("consent.granted", "list_unsubscribe.recorded");
        assertThat(server.get("/v1/evidence?address=ana%40example.com", acme.key()).json().at("/events").findValuesAsText("via"))
                .contains("email:one-click");

        HttpResponse<String> again = form(url, "List-Unsubscribe=One-Click");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("was already unsubscribed");
        assertThat(eventTypes()).as("nothing more is recorded").hasSize(2);
    }

    @Test
    void openingTheLinkShowsAChoiceAndChangesNothing() throws Exception {
        String url = link("spring").text("/url");
        HttpResponse<String> page = open(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<form method=\"post\">", "<label for=\"scope-list\">", "<label for=\"scope-all\">",
                "all email from Acme", "<button type=\"submit\">Unsubscribe</button>", "a***@example.com", "lang=\"en\"");
        assertThat(page.body()).doesNotContain("ana@example.com");
        open(url);
        assertThat(eventTypes()).as("a GET (a link scanner, a preview) unsubscribes no one").containsExactly("consent.granted");
        assertThat(emailDecision("spring")).isEqualTo("allow");
    }

    @Test
    void theButtonForEverythingOptsOutOfEmail() throws Exception {
        String url = link("spring").text("/url");
        HttpResponse<String> done = form(url, "scope=all");
        assertThat(done.body()).contains("is unsubscribed from all email from Acme");
        assertThat(emailDecision("spring")).isEqualTo("block");
        assertThat(emailDecision("autumn")).isEqualTo("block");
        assertThat(eventTypes()).containsExactly("consent.granted", "opt_out.recorded", "consent.revoked");
    }

    @Test
    void aLinkWithoutAListUnsubscribesFromAllEmail() throws Exception {
        String url = link(null).text("/url");
        assertThat(open(url).body()).contains("from all email from Acme").doesNotContain("scope-list");
        form(url, "List-Unsubscribe=One-Click");
        assertThat(emailDecision("anything")).isEqualTo("block");
    }

    @Test
    void aForgedOrDamagedLinkIsRefusedAndChangesNothing() throws Exception {
        String url = link("spring").text("/url");
        String token = url.substring(url.lastIndexOf('/') + 1);
        String payload = token.substring(0, token.indexOf('.'));
        String tag = token.substring(token.indexOf('.') + 1);
        String otherAddress = new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8)
                .replace(ANA, "bob@example.com");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(otherAddress.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        for (String forged : List.of(forgedPayload + "." + tag, payload + "." + (tag.charAt(0) == 'A' ? 'B' : 'A') + tag.substring(1),
                payload, payload + ".", "." + tag, "not-a-token", payload + "." + tag + "." + tag, "a".repeat(3000))) {
            HttpResponse<String> page = open(base + forged);
            assertThat(page.statusCode()).as(forged).isEqualTo(404);
            assertThat(page.body()).as(forged).contains("not valid");
            assertThat(form(base + forged, "List-Unsubscribe=One-Click").statusCode()).as(forged).isEqualTo(404);
        }
        // a NUL Jetty refuses while reading the request line, before it has a path to tell a page from the API: problem details
        assertThat(open(base + "%00").statusCode()).as("refused by the HTTP server itself").isBetween(400, 499);
        for (String damaged : List.of("%ff", "%e2%82", "%ff%fe?x=1")) {
            // a link mangled on its way (a mail client's line break, a bad copy): the person who opens it gets a page, not JSON
            HttpResponse<String> page = open(base + damaged);
            assertThat(page.statusCode()).as(damaged).isEqualTo(400);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(damaged).startsWith("text/html");
            assertThat(page.body()).as(damaged).contains("<h1>Bad Request</h1>", "copied whole");
        }
        HttpResponse<String> api = client.send(java.net.http.HttpRequest.newBuilder(server.uri("/v1/consents/%ff")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.headers().firstValue("Content-Type").orElse("")).as("the API's own paths keep problem details")
                .startsWith("application/problem+json");
        assertThat(eventTypes()).containsExactly("consent.granted");
        assertThat(emailDecision("spring")).isEqualTo("allow");
    }

    @Test
    void linksKeepWorkingAfterARestart() throws Exception {
        String url = link("spring").text("/url");
        String path = url.substring(url.indexOf("/u/"));
        server.close();
        server = new TestServer(directory, clock);
        HttpResponse<String> done = form(server.uri(path).toString(), "List-Unsubscribe=One-Click");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(emailDecision("spring")).isEqualTo("block");
    }

    @Test
    void aLinkNeedsAnEmailAddress() {
        HttpAnswer refused = server.post("/v1/unsubscribe-links", acme.key(), "{\"address\": \"+13055550100\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("\"address\"");
        HttpAnswer blank = server.post("/v1/unsubscribe-links", acme.key(), "{\"address\": \"ana@example.com\", \"list\": \" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("\"list\"");
    }

    /** The mail a client sends to the List-Unsubscribe mailto address, as the provider's mailbox receives it. */
    private HttpAnswer mailed(String key, String subject) {
        String message = "From: Ana <ana@example.com>\r\nTo: unsubscribe@consentry.example\r\nDate: Mon, 16 Mar 2026 10:00:00 +0000\r\n"
                + "Message-ID: <u1@example.com>\r\n" + (subject == null ? "" : "Subject: " + subject + "\r\n")
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nThis message was sent by my mail client.\r\n";
        return server.post("/v1/feedback/unsubscribe", key, message, "Content-Type", "message/rfc822");
    }

    @Test
    void anUnsubscribeMailedToTheMailtoAddressIsHonouredAsTheLinkWouldBe() {
        assertThat(emailDecision("spring")).isEqualTo("allow");
        String token = link(null).text("/url").replaceAll(".*/u/", "");
        HttpAnswer answer = mailed(TestServer.ADMIN_KEY, "=?UTF-8?Q?Re:_unsubscribe_?= " + token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.text("/address")).isEqualTo(ANA);
        assertThat(answer.text("/scope")).isEqualTo("all");
        assertThat(answer.json().at("/changed").asBoolean()).isTrue();
        assertThat(emailDecision("spring")).isEqualTo("block");
        assertThat(mailed(TestServer.ADMIN_KEY, "unsubscribe " + token).json().at("/changed").asBoolean()).as("again: nothing more").isFalse();
    }

    @Test
    void aMailedUnsubscribeForOneListLeavesTheOthers() {
        String token = link("spring").text("/url").replaceAll(".*/u/", "");
        HttpAnswer answer = mailed(TestServer.ADMIN_KEY, "unsubscribe " + token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.text("/scope")).isEqualTo("list");
        assertThat(emailDecision("spring")).isEqualTo("block");
        assertThat(emailDecision("autumn")).isEqualTo("allow");
    }

    @Test
    void aMailedUnsubscribeWithoutAGenuineTokenOrFromATenantIsRefusedAndChangesNothing() {
        String token = link(null).text("/url").replaceAll(".*/u/", "");
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        HttpAnswer refused = mailed(TestServer.ADMIN_KEY, "unsubscribe " + forged);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.toString()).contains("Subject");
        assertThat(mailed(TestServer.ADMIN_KEY, "please stop").status()).isEqualTo(400);
        assertThat(mailed(TestServer.ADMIN_KEY, null).status()).isEqualTo(400);
        assertThat(server.post("/v1/feedback/unsubscribe", TestServer.ADMIN_KEY, "", "Content-Type", "message/rfc822").status()).isEqualTo(400);
        assertThat(mailed(acme.key(), "unsubscribe " + token).status()).as("the mailbox is the provider's").isEqualTo(403);
        assertThat(emailDecision("spring")).isEqualTo("allow");
    }
}
