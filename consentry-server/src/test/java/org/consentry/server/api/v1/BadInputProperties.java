package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;

/**
 * Random and mutated JSON thrown at every endpoint: each answer is a success or a 4xx problem+json that
 * names what is wrong; none is a 5xx, and a refused request leaves nothing in the ledger.
 */
class BadInputProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static Path directory;
    private static TestServer server;
    private static TestServer.Tenant acme;
    private static String consentId;
    private static String formId;
    /** A tenant of its own for erasures, which would otherwise remove what the other properties need. */
    private static TestServer.Tenant eraser;

    /** One endpoint with a body that it accepts. */
    record Endpoint(String method, String path, boolean admin, String validBody) {
        @Override public String toString() {
            return method + " " + path;
        }
    }

    /** A request to send: an endpoint and a body (null for none). */
    record Attempt(Endpoint endpoint, String body) {
    }

    @BeforeContainer
    static void start() throws IOException {
        directory = Files.createTempDirectory("consentry-bad-input");
        server = new TestServer(directory);
        acme = server.tenantWithSender("Acme");
        consentId = server.post("/v1/consents", acme.key(),
                "{\"address\": \"+13055550100\", \"channel\": \"sms\", \"purpose\": \"marketing\", \"method\": \"api\","
                + " \"captured_at\": \"2026-01-10T15:00:00Z\"}").text("/id");
        eraser = server.tenant("Globex");
        formId = server.post("/v1/forms", acme.key(), HostedFormTest.FORM).text("/id");
    }

    @AfterContainer
    static void stop() throws IOException {
        server.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static List<Endpoint> endpoints() {
        String check = "{\"channel\": \"sms\", \"from\": \"+18005550199\", \"to\": \"+13055550100\", \"purpose\": \"marketing\","
                + " \"body\": \"Acme: hi. Reply STOP to opt out.\", \"send_at\": \"2026-03-14T16:00:00Z\", \"headers\": {\"X-A\": \"b\"},"
                + " \"country\": \"US\", \"state\": \"FL\", \"ai_voice\": false, \"topic\": \"sale\", \"commit\": false}";
        return List.of(
                new Endpoint("POST", "/v1/tenants", true, "{\"name\": \"B Inc.\", \"brand\": \"B\", \"industry\": \"retail\","
                        + " \"country\": \"US\", \"postal_address\": \"1 Main St\", \"support_contact\": \"help@b.example\"}"),
                new Endpoint("POST", "/v1/tenants/" + acme.id() + "/senders", true,
                        "{\"address\": \"+18005550198\", \"kind\": \"phone\", \"verified\": true, \"country\": \"US\"}"),
                new Endpoint("POST", "/v1/tenants/" + acme.id() + "/resume", true, "{\"reason\": \"ok\"}"),
                new Endpoint("POST", "/v1/senders", false, "{\"address\": \"acme.example\", \"kind\": \"email_domain\"}"),
                new Endpoint("PUT", "/v1/settings", false, "{\"double_opt_in\": {\"sms\": false, \"email\": false},"
                        + " \"auto_append_opt_out\": true, \"frequency_caps\": [{\"count\": 3, \"window_hours\": 24, \"per\": \"topic\"}],"
                        + " \"quiet_hours\": {\"start\": \"09:00\", \"end\": \"20:00\"}, \"duplicate_window_minutes\": 90,"
                        + " \"email_daily_volume\": 6000}"),
                new Endpoint("PUT", "/v1/tenants/" + acme.id() + "/plan", true,
                        "{\"permitted\": {\"sms\": [\"marketing\", \"transactional\"], \"email\": [\"transactional\"]}, \"sends_per_minute\": 600}"),
                new Endpoint("POST", "/v1/contacts", false,
                        "{\"address\": \"+13055550104\", \"country\": \"US\", \"state\": \"TX\", \"line_type\": \"mobile\"}"),
                new Endpoint("POST", "/v1/relationships", false,
                        "{\"address\": \"+13055550105\", \"kind\": \"purchase\", \"at\": \"2026-01-11T15:00:00Z\", \"country\": \"US\"}"),
                new Endpoint("POST", "/v1/registries/national/entries", true,
                        "{\"numbers\": [\"+12025550100\", \"(202) 555-0101\"], \"as_of\": \"2026-01-11T00:00:00Z\", \"country\": \"US\"}"),
                new Endpoint("POST", "/v1/registries/state:FL/entries", true, "{\"numbers\": [\"+13055550106\"]}"),
                new Endpoint("POST", "/v1/registries/block/entries", true, "{\"numbers\": [\"+13055550107\", \"spam@example.com\"]}"),
                new Endpoint("DELETE", "/v1/registries/block/entries", true, "{\"numbers\": [\"spam@example.com\"]}"),
                new Endpoint("POST", "/v1/reassigned", true,
                        "{\"entries\": [{\"number\": \"+13055550108\", \"disconnected_at\": \"2026-01-11T00:00:00Z\"}]}"),
                new Endpoint("POST", "/v1/line-types", true, "{\"entries\": [{\"number\": \"+13055550109\", \"type\": \"landline\"}]}"),
                new Endpoint("POST", "/v1/consents", false, "{\"address\": \"+13055550100\", \"channel\": \"sms\","
                        + " \"purpose\": \"marketing\", \"method\": \"web_form\", \"captured_at\": \"2026-01-10T15:00:00Z\","
                        + " \"confirmed\": true, \"ip\": \"203.0.113.7\", \"user_agent\": \"UA\", \"source_url\": \"https://a.example/x\","
                        + " \"disclosure_text\": \"texts\", \"frequency\": \"4/month\", \"country\": \"US\"}"),
                new Endpoint("POST", "/v1/consents/" + consentId + "/revoke", false, "{\"at\": \"2026-01-11T15:00:00Z\", \"via\": \"api\"}"),
                new Endpoint("POST", "/v1/opt-outs", false, "{\"address\": \"+13055550101\", \"channel\": \"sms\","
                        + " \"at\": \"2026-01-11T15:00:00Z\", \"via\": \"api\"}"),
                new Endpoint("POST", "/v1/registries/internal/entries", false, "{\"numbers\": [\"+13055550102\"], \"country\": \"US\"}"),
                new Endpoint("POST", "/v1/inbound/sms", false, "{\"from\": \"+13055550103\", \"to\": \"+18005550199\","
                        + " \"body\": \"HELP\", \"at\": \"2026-01-11T15:00:00Z\"}"),
                new Endpoint("POST", "/v1/unsubscribe-links", false, "{\"address\": \"ana@example.com\", \"list\": \"spring\"}"),
                new Endpoint("POST", "/v1/tenants/" + acme.id() + "/permission-pass", true, "{\"import_source\": \"nothing imported\"}"),
                new Endpoint("POST", "/v1/proof-requests", true, "{\"tenant\": \"" + acme.id() + "\", \"address\": \"+13055550100\"}"),
                new Endpoint("POST", "/v1/calls", false, "{\"records\": [{\"from\": \"+18005550199\", \"to\": \"+13055550104\","
                        + " \"started_at\": \"2026-01-11T15:00:00Z\", \"answered\": true, \"duration_s\": 42}]}"),
                new Endpoint("POST", "/v1/forms", false, HostedFormTest.FORM),
                new Endpoint("PUT", "/v1/forms/" + formId, false, HostedFormTest.FORM),
                new Endpoint("POST", "/v1/checks", false, check),
                new Endpoint("POST", "/v1/checks/batch", false, "{\"items\": [" + check + "]}"));
    }

    @net.jqwik.api.Example
    void everyValidBodyIsAccepted() {
        for (Endpoint endpoint : endpoints()) {
            HttpAnswer answer = server.send(endpoint.method(), endpoint.path(), endpoint.admin() ? TestServer.ADMIN_KEY : acme.key(),
                    endpoint.validBody());
            assertThat(answer.status()).as("%s: %s", endpoint, answer).isBetween(200, 299);
        }
    }

    @Property(tries = 2500)
    void everyEndpointAnswersBadInputWithAProblemAndWritesNothing(@ForAll("attempts") Attempt attempt) {
        long before = server.ledgerSize();
        Endpoint endpoint = attempt.endpoint();
        HttpAnswer answer = server.send(endpoint.method(), endpoint.path(), endpoint.admin() ? TestServer.ADMIN_KEY : acme.key(),
                attempt.body());
        assertProblemOrSuccess(answer);
        if (answer.status() >= 400) {
            assertThat(server.ledgerSize()).as("a refused request writes nothing: %s", answer).isEqualTo(before);
        }
    }

    @Property(tries = 300)
    void queriesWithAnyAddressAreAnsweredWithoutFailing(@ForAll("addresses") String address,
                                                        @ForAll("queryEndpoints") String path) {
        HttpAnswer answer = server.get(path + URLEncoder.encode(address, StandardCharsets.UTF_8), acme.key());
        assertProblemOrSuccess(answer);
    }

    @Property(tries = 200)
    void erasingAnyAddressIsAnsweredWithoutFailing(@ForAll("addresses") String address) {
        HttpAnswer answer = server.send("DELETE", "/v1/contacts/" + URLEncoder.encode(address, StandardCharsets.UTF_8).replace("+", "%20"),
                eraser.key(), null);
        assertProblemOrSuccess(answer);
    }

    @Property(tries = 200)
    void anyPathUnderTheApiIsAnsweredWithoutFailing(@ForAll("segments") String segment) {
        HttpAnswer answer = server.get("/v1/tenants/" + URLEncoder.encode(segment, StandardCharsets.UTF_8), TestServer.ADMIN_KEY);
        assertProblemOrSuccess(answer);
    }

    private static void assertProblemOrSuccess(HttpAnswer answer) {
        assertThat(answer.status()).as("%s", answer).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.isProblem()).as("%s", answer).isTrue();
            JsonNode problem = answer.json();
            assertThat(problem.at("/status").asInt()).isEqualTo(answer.status());
            assertThat(problem.at("/title").asText()).isNotBlank();
            assertThat(problem.at("/detail").asText()).isNotBlank();
            if (answer.status() == 400) {
                assertThat(problem.at("/errors")).as("a 400 names the fields: %s", answer).isNotEmpty();
                problem.at("/errors").forEach(error -> assertThat(error.at("/field").asText()).isNotBlank());
            }
        }
    }

    @Provide
    Arbitrary<String> addresses() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789+-() @.a").ofMaxLength(20),
                Arbitraries.of("+13055550100", "ana@example.com", "", " ", "%", "\u0000", "a@b", "+1"));
    }

    @Provide
    Arbitrary<String> queryEndpoints() {
        return Arbitraries.of("/v1/consents?address=", "/v1/evidence?address=", "/v1/consents?country=ZZ&address=");
    }

    @Provide
    Arbitrary<String> segments() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(30);
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        return Combinators.combine(Arbitraries.of(endpoints()), Arbitraries.longs(), Arbitraries.integers().between(0, 11))
                .as((endpoint, seed, kind) -> new Attempt(endpoint, mutate(endpoint.validBody(), new Random(seed), kind)));
    }

    private static String mutate(String valid, Random random, int kind) {
        try {
            JsonNode tree = JSON.readTree(valid);
            switch (kind) {
                case 0: return null;
                case 1: return randomText(random, 1 + random.nextInt(80));
                case 2: return valid.substring(0, random.nextInt(valid.length()));
                case 3: return JSON.writeValueAsString(randomValue(random, 3));
                case 4: return new String(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xA0}, StandardCharsets.ISO_8859_1);
                case 5: return "[".repeat(5000) + "]".repeat(5000);
                default: {
                    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                        mutateTree(tree, random);
                    }
                    return JSON.writeValueAsString(tree);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void mutateTree(JsonNode node, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(node, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
        switch (random.nextInt(4)) {
            case 0: target.remove(name); break;
            case 1: target.set(name, randomValue(random, 2)); break;
            case 2: target.set(randomText(random, 1 + random.nextInt(12)), randomValue(random, 1)); break;
            default: target.put(name, randomText(random, random.nextInt(3) == 0 ? 20_000 : random.nextInt(40)));
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode) {
            into.add((ObjectNode) node);
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            collectObjects(it.next(), into);
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0: return NODES.nullNode();
            case 1: return NODES.booleanNode(random.nextBoolean());
            case 2: return NODES.numberNode(random.nextLong());
            case 3: return NODES.numberNode(random.nextDouble() * 1e300);
            case 4: return NODES.textNode(randomText(random, random.nextInt(30)));
            case 5: return NODES.textNode(List.of("sms", "all", "marketing", "+13055550100", "2026-01-01T00:00:00Z", "",
                    "email", "phone", "9999-99-99T99:99:99Z", "ana@example.com").get(random.nextInt(10)));
            case 6: return NODES.numberNode(new java.math.BigInteger(200, random));
            case 7: {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    array.add(randomValue(random, depth - 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    object.set(randomText(random, 1 + random.nextInt(8)), randomValue(random, depth - 1));
                }
                return object;
            }
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            if (pick < 6) {
                text.append((char) (' ' + random.nextInt(95)));
            } else if (pick < 8) {
                text.append((char) random.nextInt(0x20));
            } else {
                text.appendCodePoint(0xA0 + random.nextInt(0x2FF00));
            }
        }
        return text.toString();
    }
}
