package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.consentry.store.testing.StoreFixture;
import org.junit.jupiter.api.Test;

/** Call detail records and spam reports, and the tenant health they make, over HTTP. */
class HealthAndReportsTest extends ServerWithAcme {

    private final HttpClient client = HttpClient.newHttpClient();
    /** {@code count} calls ending before now, {@code answered} of them answered, {@code shortOnes} of those under 6 s. */
    private HttpAnswer calls(int count, int answered, int shortOnes) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean up = i < answered;
            int seconds = !up ? 0 : i < shortOnes ? 5 : 6 + i % 120;
            records.add("{\"from\": \"+18005550199\", \"to\": \"+1305555%04d\", \"started_at\": \"%s\", \"answered\": %s, \"duration_s\": %d}"
                    .formatted(i, StoreFixture.START.minus(Duration.ofMinutes(i + 1)), up, seconds));
        }
        return server.post("/v1/calls", acme.key(), "{\"records\": [" + String.join(", ", records) + "]}");
    }

    private HttpAnswer health() {
        return server.get("/v1/tenants/" + acme.id() + "/health", TestServer.ADMIN_KEY);
    }

    @Test
    void aHundredCallsMostlyUnansweredBreachTheAnswerSeizureRatio() {
        HttpAnswer accepted = calls(100, 59, 0);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().at("/accepted").asInt()).isEqualTo(100);
        HttpAnswer health = health();
        assertThat(health.json().at("/windows/24h/calls/attempted").asInt()).isEqualTo(100);
        assertThat(health.json().at("/windows/24h/calls/asr").asDouble()).isEqualTo(0.59);
        assertThat(health.text("/windows/24h/calls/asr_status")).isEqualTo("breach");
        assertThat(health.text("/windows/24h/calls/scr_status")).isEqualTo("ok");
        assertThat(health.json().at("/breaches").findValuesAsText("metric")).contains("asr");
        assertThat(health.json().at("/thresholds/asr_min").asDouble()).isEqualTo(0.60);
    }

    @Test
    void atSixtyPercentAnsweredTheRatioHolds() {
        calls(100, 60, 0);
        assertThat(health().text("/windows/24h/calls/asr_status")).isEqualTo("ok");
    }

    @Test
    void tooManyShortCallsBreachTheShortCallRatio() {
        calls(100, 100, 16);
        HttpAnswer health = health();
        assertThat(health.json().at("/windows/24h/calls/scr").asDouble()).isEqualTo(0.16);
        assertThat(health.text("/windows/24h/calls/scr_status")).isEqualTo("breach");
    }

    @Test
    void underAHundredCallsTheSampleIsTooSmallToJudge() {
        calls(99, 0, 0);
        HttpAnswer health = health();
        assertThat(health.text("/windows/24h/calls/asr_status")).isEqualTo("insufficient_sample");
        assertThat(health.json().at("/breaches").size()).isZero();
    }

    @Test
    void callsOlderThanAWindowLeaveIt() {
        calls(100, 10, 0);
        clock.advance(Duration.ofDays(2));
        HttpAnswer health = health();
        assertThat(health.json().at("/windows/24h/calls/attempted").asInt()).isZero();
        assertThat(health.json().at("/windows/7d/calls/attempted").asInt()).isEqualTo(100);
        assertThat(health.text("/windows/7d/calls/asr_status")).isEqualTo("breach");
    }

    @Test
    void callRecordsAreValidatedAndABadOneWritesNothing() {
        long before = server.ledgerSize();
        HttpAnswer notOurs = server.post("/v1/calls", acme.key(), "{\"records\": [{\"from\": \"+18005550100\", \"to\": \"+13055550100\","
                + " \"started_at\": \"2026-03-14T15:00:00Z\", \"answered\": true, \"duration_s\": 30}]}");
        assertThat(notOurs.status()).isEqualTo(400);
        assertThat(notOurs.body()).contains("records[0].from").contains("not a number of this account");
        HttpAnswer unanswered = server.post("/v1/calls", acme.key(), "{\"records\": [{\"from\": \"+18005550199\", \"to\": \"+13055550100\","
                + " \"started_at\": \"2026-03-14T15:00:00Z\", \"answered\": false, \"duration_s\": 30}]}");
        assertThat(unanswered.body()).contains("records[0].duration_s");
        assertThat(server.post("/v1/calls", acme.key(), "{\"records\": []}").body()).contains("records");
        assertThat(server.ledgerSize()).isEqualTo(before);
    }

    @Test
    void aTenantReadsItsOwnHealthOnly() {
        assertThat(server.get("/v1/tenants/" + acme.id() + "/health", acme.key()).status()).isEqualTo(200);
        TestServer.Tenant globex = server.tenant("Globex");
        assertThat(server.get("/v1/tenants/" + acme.id() + "/health", globex.key()).status()).isEqualTo(403);
        assertThat(server.get("/v1/tenants/ten_nobody/health", TestServer.ADMIN_KEY).status()).isEqualTo(404);
    }

    private HttpResponse<String> report(String reporter, String sender, String text) throws Exception {
        String form = "reporter=" + URLEncoder.encode(reporter, StandardCharsets.UTF_8) + "&sender=" + URLEncoder.encode(sender, StandardCharsets.UTF_8)
                + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(server.uri("/report")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theReportPageIsAPlainAccessibleForm() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(server.uri("/report")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\">", "<label for=\"reporter\">", "<label for=\"sender\">",
                "<label for=\"text\">", "<button type=\"submit\">Report spam</button>", "lang=\"en\"").doesNotContain("<script");
    }

    @Test
    void aSpamReportCountsAgainstTheSendersTenantAndOptsTheReporterOut() throws Exception {
        assertThat(server.post("/v1/consents", acme.key(), """
                {"address": "+13055550100", "channel": "sms", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7"}""").status()).isEqualTo(201);
        HttpResponse<String> done = report("(305) 555-0100", "1-800-555-0199", "WIN A FREE CRUISE <script>alert(1)</script>");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Your report is recorded").doesNotContain("<script>");
        assertThat(health().json().at("/windows/24h/spam_reports").asInt()).isEqualTo(1);
        assertThat(health().json().at("/windows/24h/opt_outs").asInt()).isEqualTo(1);
        String decision = server.post("/v1/checks", acme.key(), """
                {"channel": "sms", "from": "+18005550199", "to": "+13055550100", "purpose": "marketing",
                 "body": "Acme: spring sale, 20% off today. Reply STOP to opt out."}""").text("/decision");
        assertThat(decision).isEqualTo("block");
        HttpAnswer evidence = server.get("/v1/evidence?address=%2B13055550100", acme.key());
        assertThat(evidence.json().at("/events").findValuesAsText("type")).contains("spam.reported", "opt_out.recorded");
    }

    /**
     * The page asks about "a text, call or email" and says the sender will not reach the reporter again, without asking
     * which it was: a report about a number stops the sender's calls as well as its texts.
     */
    @Test
    void aSpamReportAboutANumberStopsItsCallsAsWellAsItsTexts() throws Exception {
        assertThat(server.post("/v1/consents", acme.key(), """
                {"address": "+13055550100", "channel": "voice", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7"}""").status()).isEqualTo(201);
        String call = """
                {"channel": "voice", "from": "+18005550199", "to": "+13055550100", "purpose": "marketing",
                 "send_at": "2026-03-16T16:00:00Z", "body": "Acme calling about the spring sale. Press 9 to opt out."}""";
        assertThat(server.post("/v1/checks", acme.key(), call).text("/decision")).isEqualTo("allow");

        assertThat(report("+13055550100", "+18005550199", "they keep calling me").statusCode()).isEqualTo(200);

        HttpAnswer verdict = server.post("/v1/checks", acme.key(), call);
        assertThat(verdict.text("/decision")).isEqualTo("block");
        assertThat(verdict.json().at("/reasons").findValuesAsText("code")).contains("OPTED_OUT");
        assertThat(health().json().at("/windows/24h/opt_outs").asInt()).as("one report, one opt-out").isEqualTo(1);
    }

    /** A body that says it is multipart but is not (no boundary, cut short) is the sender's fault: a page saying so, not a 500. */
    @Test
    void anUnreadableMultipartReportIsABadRequest() throws Exception {
        for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=zz")) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(server.uri("/report")).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString("reporter=x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(contentType).isEqualTo(400);
            assertThat(answer.body()).contains("The form could not be read");
        }
    }

    @Test
    void anUnknownSenderOrAnUnreadableAddressIsSaidOnThePage() throws Exception {
        HttpResponse<String> unknown = report("+13055550100", "+18005550100", "hello");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("not a sender of any account").contains("role=\"alert\"");
        assertThat(report("not a number", "+18005550199", "").statusCode()).isEqualTo(400);
        assertThat(report("", "", "").statusCode()).isEqualTo(400);
    }

    @Test
    void reportsAreLimitedPerReporter() throws Exception {
        for (int i = 0; i < SpamReportRoutes.PER_REPORTER_PER_HOUR; i++) {
            assertThat(report("+13055550111", "+18005550199", "spam " + i).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = report("+13055550111", "+18005550199", "more");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3600");
        clock.advance(Duration.ofMinutes(61));
        assertThat(report("+13055550111", "+18005550199", "later").statusCode()).isEqualTo(200);
        assertThat(health().json().at("/windows/24h/spam_reports").asInt()).isEqualTo(SpamReportRoutes.PER_REPORTER_PER_HOUR + 1);
    }
}
