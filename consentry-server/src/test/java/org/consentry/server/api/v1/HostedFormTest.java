package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.consentry.server.ServerConfig;
import org.consentry.server.http.Html;
import org.consentry.server.http.TrustedProxies;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.consentry.store.consent.OptInForms;
import org.consentry.store.testing.StoreFixture;
import org.junit.jupiter.api.Test;

/**
 * Hosted opt-in forms over HTTP: what a tenant publishes, what the page shows, and what a submission records (and,
 * when it is refused, that it records nothing). {@code OptInBrowserTest} drives the same page in Chromium.
 */
class HostedFormTest extends ServerWithAcme {

    static final String FORM = """
            {"name": "Spring club", "title": "Join the Acme club", "channels": ["sms", "email"], "purpose": "marketing",
             "frequency": "Up to 4 msgs/month", "terms_url": "https://acme.example/terms",
             "privacy_url": "https://acme.example/privacy", "disclosure_text": "Members get early access to sales."}""";

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpAnswer publish() {
        HttpAnswer form = server.post("/v1/forms", acme.key(), FORM);
        assertThat(form.status()).as(form.toString()).isEqualTo(201);
        return form;
    }

    private HttpResponse<String> page(String formId) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri("/optin/" + formId)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> submit(String formId, List<Map.Entry<String, String>> fields, String... headers) throws Exception {
        String body = fields.stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/optin/" + formId))
                .header("Content-Type", "application/x-www-form-urlencoded").header("User-Agent", "Mozilla/5.0 (Form test)");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> raw(String formId, String contentType, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri("/optin/" + formId)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode history(String address) {
        return server.get("/v1/consents?address=" + URLEncoder.encode(address, StandardCharsets.UTF_8), acme.key()).json();
    }

    @Test
    void aPublishedFormCarriesTheRequiredDisclosures() {
        HttpAnswer form = publish();
        assertThat(form.text("/id")).startsWith("frm_");
        assertThat(form.json().at("/version").asInt()).isEqualTo(1);
        assertThat(form.text("/url")).isEqualTo(server.uri("/optin/" + form.text("/id")).toString());
        assertThat(form.text("/disclosures/sms")).contains("Acme", "recurring automated marketing text messages", "Up to 4 msgs/month.",
                "Msg & data rates may apply", "Reply HELP for help and STOP to cancel", "Consent is not a condition of purchase",
                "Terms: https://acme.example/terms", "Privacy: https://acme.example/privacy", "Members get early access to sales.");
        assertThat(form.text("/disclosures/email")).contains("marketing email from Acme", "link to unsubscribe");
        assertThat(server.get("/v1/forms", acme.key()).json().at("/forms").findValuesAsText("id")).containsExactly(form.text("/id"));
    }

    @Test
    void anSmsFormWithoutFrequencyOrTermsIsRefusedByField() {
        HttpAnswer refused = server.post("/v1/forms", acme.key(), """
                {"name": "Texts", "channels": ["sms", "fax"], "purpose": "transactional"}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().at("/errors").findValuesAsText("field"))
                .contains("channels[1]", "purpose", "frequency", "terms_url", "privacy_url");
        assertThat(server.get("/v1/forms", acme.key()).json().at("/forms").size()).isZero();
    }

    @Test
    void thePageShowsEveryBoxUntickedWithItsLabelAndTheVersion() throws Exception {
        HttpAnswer form = publish();
        HttpResponse<String> page = page(form.text("/id"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<h1>Join the Acme club</h1>", "<input type=\"hidden\" name=\"version\" value=\"1\">",
                "<label for=\"phone\">", "<label for=\"email\">", "<label for=\"consent-sms\">", "<label for=\"consent-email\">",
                Html.escape(form.text("/disclosures/sms")));
        assertThat(page.body()).doesNotContain("checked", "<script");
    }

    @Test
    void aSubmissionRecordsPendingConsentsWithTheExactWordsShown() throws Exception {
        HttpAnswer form = publish();
        String id = form.text("/id");
        HttpResponse<String> done = submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "(305) 555-0100"),
                Map.entry("email", "Ana@Example.com"), Map.entry("consent", "sms"), Map.entry("consent", "email")));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Almost done", "ending in 0100", "a***@example.com");

        JsonNode sms = history("+13055550100").at("/events/0");
        assertThat(sms.at("/type").asText()).isEqualTo("consent.granted");
        JsonNode event = sms.at("/event");
        assertThat(event.at("/status").asText()).isEqualTo("pending");
        assertThat(event.at("/method").asText()).isEqualTo("web_form");
        assertThat(event.at("/disclosure_text").asText()).isEqualTo(form.text("/disclosures/sms"));
        assertThat(event.at("/disclosure_sha256").asText()).isEqualTo(OptInForms.sha256(form.text("/disclosures/sms")));
        assertThat(event.at("/form_id").asText()).isEqualTo(id);
        assertThat(event.at("/form_version").asInt()).isEqualTo(1);
        assertThat(event.at("/ip").asText()).isEqualTo("127.0.0.1");
        assertThat(event.at("/user_agent").asText()).isEqualTo("Mozilla/5.0 (Form test)");
        assertThat(event.at("/source_url").asText()).isEqualTo(form.text("/url"));
        assertThat(event.at("/captured_at").asText()).isEqualTo(StoreFixture.START.toString());
        assertThat(history("ana@example.com").at("/events/0/event/disclosure_text").asText()).isEqualTo(form.text("/disclosures/email"));
        assertThat(server.verify(server.get("/v1/evidence?address=%2B13055550100", acme.key()).json()).ok())
                .as("the proof bundle carries the form's evidence").isTrue();

        JsonNode pending = server.get("/v1/consents/pending", acme.key()).json().at("/pending");
        assertThat(pending.findValuesAsText("address")).containsExactly("+13055550100", "ana@example.com");
        assertThat(pending.at("/0/confirmation_text").asText()).startsWith("Acme: reply YES to confirm")
                .contains("Msg & data rates may apply", "HELP", "STOP");
        assertThat(pending.at("/1/confirmation_url").asText()).startsWith(server.uri("/c/").toString());

        String check = """
                {"channel": "sms", "from": "+18005550199", "to": "+13055550100", "purpose": "marketing",
                 "body": "Acme: 20% off today. Reply STOP to opt out."}""";
        assertThat(server.post("/v1/checks", acme.key(), check).json().at("/reasons").findValuesAsText("code")).contains("CONSENT_UNCONFIRMED");
        server.post("/v1/inbound/sms", acme.key(), "{\"from\": \"+13055550100\", \"to\": \"+18005550199\", \"body\": \"YES\"}");
        assertThat(server.post("/v1/checks", acme.key(), check).json().at("/reasons").findValuesAsText("code")).doesNotContain("CONSENT_UNCONFIRMED");
        assertThat(server.get("/v1/consents/pending", acme.key()).json().at("/pending").findValuesAsText("address"))
                .containsExactly("ana@example.com");
    }

    @Test
    void aSubmissionKeepsTheVersionItsVisitorSaw() throws Exception {
        String id = publish().text("/id");
        HttpAnswer second = server.send("PUT", "/v1/forms/" + id, acme.key(), FORM.replace("Up to 4 msgs/month", "Up to 8 msgs/month"));
        assertThat(second.json().at("/version").asInt()).isEqualTo(2);
        assertThat(page(id).body()).contains("Up to 8 msgs/month", "value=\"2\"");

        submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "3055550100"), Map.entry("consent", "sms")));
        JsonNode event = history("+13055550100").at("/events/0/event");
        assertThat(event.at("/form_version").asInt()).isEqualTo(1);
        assertThat(event.at("/disclosure_text").asText()).contains("Up to 4 msgs/month").doesNotContain("8 msgs");
        assertThat(server.get("/v1/forms/" + id + "?version=1", acme.key()).text("/disclosures/sms")).isEqualTo(event.at("/disclosure_text").asText());

        clock.advance(FormRoutes.SUPERSEDED_GRACE.plusMinutes(1));
        long before = server.ledgerSize();
        assertThat(submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "3055550101"), Map.entry("consent", "sms"))).statusCode())
                .as("a day after it was replaced, version 1's words are retired").isEqualTo(400);
        assertThat(server.ledgerSize()).isEqualTo(before);
        assertThat(submit(id, List.of(Map.entry("version", "2"), Map.entry("phone", "3055550101"), Map.entry("consent", "sms"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRefusedSubmissionSaysWhyBesideTheFieldAndRecordsNothing() throws Exception {
        String id = publish().text("/id");
        long before = server.ledgerSize();

        HttpResponse<String> nothingTicked = submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "3055550100")));
        assertThat(nothingTicked.statusCode()).isEqualTo(422);
        assertThat(nothingTicked.body()).contains("role=\"alert\"", "Tick at least one box", "value=\"3055550100\"",
                "<title>Error: Join the Acme club</title>", "<fieldset id=\"consent\" aria-describedby=\"consent-error\">",
                "<p class=\"error\" id=\"consent-error\">Tick at least one box");

        HttpResponse<String> badPhone = submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "55<b>5"),
                Map.entry("consent", "sms")));
        assertThat(badPhone.statusCode()).isEqualTo(422);
        assertThat(badPhone.body()).contains("aria-invalid=\"true\" aria-describedby=\"phone-error\"", "value=\"55&lt;b&gt;5\"")
                .doesNotContain("<b>5");

        HttpResponse<String> noEmail = submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "3055550100"),
                Map.entry("consent", "sms"), Map.entry("consent", "email")));
        assertThat(noEmail.statusCode()).isEqualTo(422);
        assertThat(noEmail.body()).contains("Enter your email address", "id=\"consent-sms\" name=\"consent\" value=\"sms\" checked");

        assertThat(submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "3055550100"), Map.entry("consent", "voice")))
                .statusCode()).as("a box the form does not have").isEqualTo(422);
        assertThat(submit(id, List.of(Map.entry("phone", "3055550100"), Map.entry("consent", "sms"))).statusCode())
                .as("not posted from the page").isEqualTo(400);
        assertThat(submit(id, List.of(Map.entry("version", "7"), Map.entry("phone", "3055550100"), Map.entry("consent", "sms"))).statusCode())
                .isEqualTo(400);
        assertThat(server.ledgerSize()).isEqualTo(before);
    }

    @Test
    void aFormIsClosedWhenItsTenantIsSuspendedAndHiddenFromOtherTenants() throws Exception {
        String id = publish().text("/id");
        TestServer.Tenant other = server.tenant("Globex");
        assertThat(server.get("/v1/forms/" + id, other.key()).status()).isEqualTo(404);
        assertThat(server.send("PUT", "/v1/forms/" + id, other.key(), FORM).status()).isEqualTo(404);
        assertThat(page("frm_nothing").statusCode()).isEqualTo(404);

        server.post("/v1/tenants/" + acme.id() + "/suspend", TestServer.ADMIN_KEY, "{\"reason\": \"complaints\"}");
        assertThat(page(id).statusCode()).isEqualTo(404);
        long before = server.ledgerSize();
        assertThat(submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "3055550100"), Map.entry("consent", "sms"))).statusCode())
                .isEqualTo(404);
        assertThat(server.ledgerSize()).isEqualTo(before);
    }

    @Test
    void anotherSiteCannotPostTheFormAndTheFormCannotBeFramed() throws Exception {
        String id = publish().text("/id");
        long before = server.ledgerSize();
        List<Map.Entry<String, String>> fields = List.of(Map.entry("version", "1"), Map.entry("phone", "3055550100"), Map.entry("consent", "sms"));
        assertThat(submit(id, fields, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(submit(id, fields, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(server.ledgerSize()).isEqualTo(before);
        String ours = server.uri("").toString();
        assertThat(submit(id, fields, "Origin", ours, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
        HttpResponse<String> page = page(id);
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
    }

    @Test
    void whatIsNotAFormIsRefusedWithAPageNotAFailure() throws Exception {
        String id = publish().text("/id");
        long before = server.ledgerSize();
        assertThat(raw(id, "multipart/form-data", "garbage").statusCode()).isEqualTo(415);
        assertThat(raw(id, "multipart/form-data; boundary=x", "--x\r\nnonsense").statusCode()).isEqualTo(415);
        assertThat(raw(id, "application/x-www-form-urlencoded; charset=x-bogus", "version=1&phone=3055550100&consent=sms").statusCode())
                .isEqualTo(400);
        assertThat(raw(id, "application/json", "{}").statusCode()).isEqualTo(415);
        assertThat(server.ledgerSize()).isEqualTo(before);
    }

    @Test
    void aFormLinksOnlyToPlainHttpsPages() {
        for (String link : List.of("javascript:alert(1)", "http://acme.example/terms", "https://acme.example@evil.example/terms", "//evil.example")) {
            HttpAnswer refused = server.post("/v1/forms", acme.key(), FORM.replace("https://acme.example/terms", link));
            assertThat(refused.status()).as(link).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("terms_url");
        }
    }

    @Test
    void aFormAsksOnlyForWhatARecipientCanConfirm() {
        HttpAnswer voice = server.post("/v1/forms", acme.key(), FORM.replace("[\"sms\", \"email\"]", "[\"voice\"]"));
        assertThat(voice.status()).isEqualTo(400);
        assertThat(voice.json().at("/errors/0/field").asText()).isEqualTo("channels[0]");
    }

    @Test
    void oneNumberGetsFewConfirmationsAnHourHoweverManyNetworksSignItUp() throws Exception {
        String id = publish().text("/id");
        List<Map.Entry<String, String>> fields = List.of(Map.entry("version", "1"), Map.entry("phone", "3055550100"), Map.entry("consent", "sms"));
        for (int i = 0; i < FormRoutes.PER_ADDRESS_PER_HOUR; i++) {
            assertThat(submit(id, fields).statusCode()).isEqualTo(200);
        }
        assertThat(submit(id, fields).statusCode()).isEqualTo(429);
        clock.advance(java.time.Duration.ofMinutes(61));
        assertThat(submit(id, fields).statusCode()).isEqualTo(200);
    }

    @Test
    void thePendingListComesInPagesThatNeverSkipAnItem() throws Exception {
        String id = publish().text("/id");
        for (int i = 0; i < 5; i++) {
            assertThat(submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "30555502%02d".formatted(i)),
                    Map.entry("consent", "sms"))).statusCode()).isEqualTo(200);
        }
        JsonNode first = server.get("/v1/consents/pending?limit=2", acme.key()).json();
        assertThat(first.at("/pending").findValuesAsText("address")).containsExactly("+13055550200", "+13055550201");
        String next = first.at("/next").asText();
        assertThat(next).isEqualTo(first.at("/pending/1/id").asText());
        JsonNode second = server.get("/v1/consents/pending?limit=2&after=" + next, acme.key()).json();
        assertThat(second.at("/pending").findValuesAsText("address")).containsExactly("+13055550202", "+13055550203");
        JsonNode last = server.get("/v1/consents/pending?limit=2&after=" + second.at("/next").asText(), acme.key()).json();
        assertThat(last.at("/pending").findValuesAsText("address")).containsExactly("+13055550204");
        assertThat(last.at("/next").isNull()).isTrue();
        HttpAnswer bad = server.get("/v1/consents/pending?limit=0", acme.key());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("limit");
    }

    @Test
    void oneNetworkCannotFloodAFormWithSignUps() throws Exception {
        String id = publish().text("/id");
        for (int i = 0; i < FormRoutes.PER_IP_PER_HOUR; i++) {
            assertThat(submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "30555501%02d".formatted(i)),
                    Map.entry("consent", "sms"))).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> flooded = submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "3055550199"), Map.entry("consent", "sms")));
        assertThat(flooded.statusCode()).isEqualTo(429);
        assertThat(flooded.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(history("+13055550199").at("/events").size()).isZero();
    }

    @Test
    void behindATrustedProxyTheFormRecordsTheForwardedClientAndLimitsEachClientApart() throws Exception {
        server.close();
        server = new TestServer(directory, clock, new ServerConfig("127.0.0.1", 0, null, null, null, null,
                TrustedProxies.parse("127.0.0.1, 10.0.0.0/8")));
        String id = publish().text("/id");
        // the client, then a second proxy inside the trusted network: the client is the first address that is not a proxy
        assertThat(submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "3055550100"), Map.entry("consent", "sms")),
                "X-Forwarded-For", "203.0.113.9, 10.1.2.3").statusCode()).isEqualTo(200);
        assertThat(history("+13055550100").at("/events/0/event/ip").asText()).isEqualTo("203.0.113.9");

        for (int i = 0; i < FormRoutes.PER_IP_PER_HOUR; i++) {
            assertThat(submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "30555502%02d".formatted(i)),
                    Map.entry("consent", "sms")), "X-Forwarded-For", "198.51.100.7").statusCode()).isEqualTo(200);
        }
        assertThat(submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "3055550399"), Map.entry("consent", "sms")),
                "X-Forwarded-For", "198.51.100.7").statusCode()).as("that client's hour is used up").isEqualTo(429);
        assertThat(submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "3055550398"), Map.entry("consent", "sms")),
                "X-Forwarded-For", "198.51.100.8").statusCode()).as("another client behind the same proxy is not").isEqualTo(200);
    }

    @Test
    void withoutATrustedProxyTheForwardedHeaderIsIgnored() throws Exception {
        String id = publish().text("/id");
        assertThat(submit(id, List.of(Map.entry("version", "1"), Map.entry("phone", "3055550100"), Map.entry("consent", "sms")),
                "X-Forwarded-For", "203.0.113.9").statusCode()).isEqualTo(200);
        assertThat(history("+13055550100").at("/events/0/event/ip").asText()).as("anyone can write the header").isEqualTo("127.0.0.1");
    }
}
