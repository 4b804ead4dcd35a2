package org.consentry.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario suite: every case in {@code scenarios/checks.jsonl} sets up a fresh tenant through the public API,
 * then asks {@code POST /v1/checks} over real HTTP and compares the verdict with what the case expects. A case
 * is one line of JSON, readable without Java:
 *
 * <pre>{"name": "...", "setup": [{"consent": {...}}, {"inbound": {...}}], "check": {...},
 *  "expect": {"decision": "defer", "codes": ["QUIET_HOURS"], "not_before": "..."}}</pre>
 *
 * Cases with a {@code request} instead of a {@code check} send that request and expect a status and, for a
 * problem, the field it names. The national registry copy is dated {@link #REGISTRY_AS_OF}; cases are set
 * around 2026-03-14, a Saturday, so that the registry is fresh unless a case moves {@code send_at} on.
 */
class ScenarioSuiteTest {

    static final String SCENARIOS = "/scenarios/checks.jsonl";
    static final String REGISTRY_AS_OF = "2026-03-10T00:00:00Z";
    static final String SENDER_PHONE = "+18005550199";
    static final String SENDER_DOMAIN = "acme.example";
    private static final java.util.concurrent.atomic.AtomicInteger SENDERS = new java.util.concurrent.atomic.AtomicInteger(1000);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path directory;
    static TestServer server;

    @BeforeAll static void start() {
        server = new TestServer(directory);
        HttpAnswer loaded = server.post("/v1/registries/national/entries", TestServer.ADMIN_KEY,
                "{\"numbers\": [\"+12025550100\"], \"as_of\": \"" + REGISTRY_AS_OF + "\"}");
        assertThat(loaded.status()).as("%s", loaded).isEqualTo(200);
    }

    @AfterAll static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test void theSuiteIsLargeAndCoversEveryOutcome() throws IOException {
        List<JsonNode> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        assertThat(cases.stream().map(c -> c.at("/expect/decision").asText()).distinct())
                .contains("allow", "block", "defer");
        assertThat(cases.stream().map(c -> c.path("name").asText()).distinct().count())
                .as("every case has its own name").isEqualTo(cases.size());
    }

    @TestFactory Stream<DynamicTest> scenarios() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> run(c)));
    }

    static List<JsonNode> cases() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        try (InputStream in = ScenarioSuiteTest.class.getResourceAsStream(SCENARIOS);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    cases.add(JSON.readTree(line));
                }
            }
        }
        return cases;
    }

    private void run(JsonNode written) throws IOException {
        Acme acme = Acme.create(SENDERS.incrementAndGet());
        JsonNode scenario = JSON.readTree(written.toString().replace(SENDER_PHONE, acme.phone).replace(SENDER_DOMAIN, acme.domain));
        Session session = new Session(acme);
        for (JsonNode step : scenario.path("setup")) {
            session.apply(step);
        }
        JsonNode expect = scenario.path("expect");
        if (scenario.has("request")) {
            JsonNode request = scenario.path("request");
            String key = "admin".equals(request.path("as").asText()) ? TestServer.ADMIN_KEY : acme.key;
            HttpAnswer answer = server.send(request.path("method").asText(), request.path("path").asText()
                    .replace("{tenant}", acme.id), key, request.has("body") ? request.path("body").toString() : null);
            assertThat(answer.status()).as("%s", answer).isEqualTo(expect.path("status").asInt());
            if (expect.has("field")) {
                assertThat(answer.isProblem()).as("%s", answer).isTrue();
                assertThat(answer.body()).contains("\"" + expect.path("field").asText() + "\"");
            }
            return;
        }
        HttpAnswer answer = server.post("/v1/checks", acme.key, scenario.path("check").toString());
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode verdict = answer.json();
        String why = answer.body();
        assertThat(verdict.path("decision").asText()).as(why).isEqualTo(expect.path("decision").asText());
        assertThat(codes(verdict.path("reasons"))).as(why).isEqualTo(sorted(expect.path("codes")));
        for (JsonNode reason : verdict.path("reasons")) {
            assertThat(reason.path("message").asText()).as("every reason is explained: %s", why).isNotBlank();
            assertThat(reason.path("rule").asText()).as(why).isNotBlank();
            assertThat(reason.path("citation").asText()).as(why).isNotBlank();
        }
        if (expect.has("not_before")) {
            JsonNode notBefore = expect.path("not_before");
            if (notBefore.isNull()) {
                assertThat(verdict.path("not_before").isNull()).as(why).isTrue();
            } else {
                assertThat(verdict.path("not_before").asText()).as(why).isEqualTo(notBefore.asText());
            }
        }
        if (expect.has("notices")) {
            assertThat(codes(verdict.path("notices"))).as(why).isEqualTo(sorted(expect.path("notices")));
        }
        if (expect.has("body")) {
            assertThat(verdict.at("/message/body").asText()).as(why).isEqualTo(expect.path("body").asText());
        }
    }

    private static List<String> codes(JsonNode reasons) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(reason -> codes.add(reason.path("code").asText()));
        codes.sort(null);
        return codes;
    }

    private static List<String> sorted(JsonNode codes) {
        List<String> list = new ArrayList<>();
        codes.forEach(code -> list.add(code.asText()));
        list.sort(null);
        return list;
    }

    /**
     * A tenant named Acme with a verified phone number and a verified email domain. A sender belongs to one
     * account, so each case's Acme has its own: the case's {@value #SENDER_PHONE} and {@value #SENDER_DOMAIN}
     * are read as this Acme's.
     */
    private record Acme(String id, String key, String phone, String domain) {
        static Acme create(int serial) {
            TestServer.Tenant tenant = server.tenant("Acme");
            String phone = "+1888555%04d".formatted(serial);
            String domain = "acme%d.example".formatted(serial);
            expect(server.post("/v1/tenants/" + tenant.id() + "/senders", TestServer.ADMIN_KEY,
                    "{\"address\": \"" + phone + "\", \"kind\": \"phone\", \"verified\": true}"), 201);
            expect(server.post("/v1/tenants/" + tenant.id() + "/senders", TestServer.ADMIN_KEY,
                    "{\"address\": \"" + domain + "\", \"kind\": \"email_domain\", \"verified\": true}"), 201);
            return new Acme(tenant.id(), tenant.key(), phone, domain);
        }
    }

    /** Applies setup steps for one tenant, remembering the last consent recorded. */
    private static final class Session {
        private final Acme acme;
        private String lastConsent;

        Session(Acme acme) {
            this.acme = acme;
        }

        void apply(JsonNode step) throws IOException {
            Iterator<Map.Entry<String, JsonNode>> fields = step.fields();
            Map.Entry<String, JsonNode> only = fields.next();
            assertThat(fields.hasNext()).as("one action per step: %s", step).isFalse();
            JsonNode value = only.getValue();
            switch (only.getKey()) {
                case "consent" -> lastConsent = expect(tenant("POST", "/v1/consents", value), 201).text("/id");
                case "revoke_last" -> expect(tenant("POST", "/v1/consents/" + lastConsent + "/revoke", value), 200);
                case "optout" -> expect(tenant("POST", "/v1/opt-outs", value), 201);
                case "inbound" -> expect(tenant("POST", "/v1/inbound/sms", value), 200);
                case "settings" -> expect(tenant("PUT", "/v1/settings", value), 200);
                case "contact" -> expect(tenant("POST", "/v1/contacts", value), 201);
                case "relationship" -> expect(tenant("POST", "/v1/relationships", value), 201);
                case "internal_dnc" -> expect(tenant("POST", "/v1/registries/internal/entries", numbers(value)), 200);
                case "request_sender" -> expect(tenant("POST", "/v1/senders", value), 201);
                case "commit" -> {
                    HttpAnswer committed = expect(tenant("POST", "/v1/checks", value), 200);
                    assertThat(committed.json().path("committed").asBoolean())
                            .as("a send the case relies on was not allowed: %s", committed).isTrue();
                }
                case "plan" -> expect(admin("PUT", "/v1/tenants/" + acme.id + "/plan", value), 200);
                case "sender" -> expect(admin("POST", "/v1/tenants/" + acme.id + "/senders",
                        ((ObjectNode) value.deepCopy()).put("verified", true)), 201);
                case "suspend", "resume", "terminate" -> expect(admin("POST", "/v1/tenants/" + acme.id + "/" + only.getKey(),
                        JSON.createObjectNode().put("reason", value.asText())), 200);
                case "registry" -> expect(admin("POST", "/v1/registries/" + value.path("list").asText() + "/entries",
                        numbers(value.path("numbers"))), 200);
                case "registry_remove" -> expect(admin("DELETE", "/v1/registries/" + value.path("list").asText() + "/entries",
                        numbers(value.path("numbers"))), 200);
                case "reassigned" -> expect(admin("POST", "/v1/reassigned", entries(value)), 200);
                case "line_types" -> expect(admin("POST", "/v1/line-types", entries(value)), 200);
                default -> throw new AssertionError("unknown setup step " + only.getKey());
            }
        }

        private HttpAnswer tenant(String method, String path, JsonNode body) {
            return server.send(method, path, acme.key, body.toString());
        }

        private HttpAnswer admin(String method, String path, JsonNode body) {
            return server.send(method, path, TestServer.ADMIN_KEY, body.toString());
        }

        private static JsonNode numbers(JsonNode numbers) {
            ObjectNode body = JSON.createObjectNode();
            body.set("numbers", numbers);
            return body;
        }

        private static JsonNode entries(JsonNode entries) {
            ObjectNode body = JSON.createObjectNode();
            body.set("entries", entries);
            return body;
        }
    }

    private static HttpAnswer expect(HttpAnswer answer, int status) {
        assertThat(answer.status()).as("setup step refused: %s", answer).isEqualTo(status);
        return answer;
    }
}
