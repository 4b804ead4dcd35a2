package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.consentry.server.testing.TestServer;
import org.consentry.store.testing.MutableClock;
import org.consentry.store.testing.StoreFixture;

/**
 * Whatever a browser, a bot or an attacker posts to a hosted opt-in form: the answer is an HTML page with a 2xx or
 * 4xx status, never a 5xx; a refused submission writes nothing; an accepted one writes one pending consent per box
 * ticked and nothing else; nothing posted comes back unescaped.
 */
class OptInFormProperties {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final MutableClock CLOCK = new MutableClock(StoreFixture.START);
    private static Path directory;
    private static TestServer server;
    private static String formId;

    @BeforeContainer
    static void start() throws IOException {
        directory = Files.createTempDirectory("consentry-form-input");
        server = new TestServer(directory, CLOCK);
        TestServer.Tenant acme = server.tenantWithSender("Acme");
        formId = server.post("/v1/forms", acme.key(), HostedFormTest.FORM).text("/id");
    }

    @AfterContainer
    static void stop() throws IOException {
        server.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 400)
    void anyPostIsAnsweredWithAPageAndWritesOnlyWhatWasTicked(@ForAll("bodies") String body) throws Exception {
        CLOCK.advance(Duration.ofHours(1)); // past the per-network hourly limit, which a test of its own covers
        long before = server.ledgerSize();
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(server.uri("/optin/" + formId))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s -> %s", body, answer.body()).isIn(200, 400, 413, 422);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).doesNotContain("<script", "<img");
        long written = server.ledgerSize() - before;
        if (answer.statusCode() == 200) {
            // exactly the boxes ticked (a box ticked twice counts once), each a pending consent of its channel
            java.util.Set<String> ticked = new java.util.TreeSet<>();
            for (String pair : body.split("&")) {
                String[] parts = pair.split("=", 2);
                if (parts.length == 2 && java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8).equals("consent")) {
                    ticked.add(java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                }
            }
            assertThat(written).as(body).isEqualTo(ticked.size());
            List<org.consentry.ledger.LedgerEntry> last = new ArrayList<>();
            server.store().ledger().replay(entry -> {
                if (entry.seq() > before) {
                    last.add(entry);
                }
            });
            assertThat(last).allSatisfy(entry -> assertThat(entry.event()).isInstanceOfSatisfying(org.consentry.ledger.ConsentGranted.class,
                    granted -> assertThat(granted.status().wireName()).isEqualTo("pending")));
            java.util.Set<String> recorded = new java.util.TreeSet<>();
            for (org.consentry.ledger.LedgerEntry entry : last) {
                recorded.add(((org.consentry.ledger.ConsentGranted) entry.event()).channel().wireName());
            }
            assertThat(recorded).as(body).isEqualTo(ticked);
        } else {
            assertThat(written).as("a refused submission writes nothing: %s", body).isZero();
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("version", "phone", "email", "consent", "consent[]", "x"),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("1", "0", "2", "-1", "999999999999", "sms", "email", "voice", "mms", "SMS", "", " ",
                        "3055550100", "(305) 555-0100", "+13055550100", "911", "ana@example.com", "a@b", "<script>alert(1)</script>",
                        "<img src=x>", "\u0000", "%", "&", "="),
                Arbitraries.strings().ofMaxLength(400));
        Arbitrary<List<Map.Entry<String, String>>> fields = Combinators.combine(names, values).as(Map::entry).list().ofMaxSize(8);
        Arbitrary<String> wellFormed = Combinators.combine(fields, Arbitraries.subsetOf("sms", "email", "voice"),
                Arbitraries.of("1", "x", ""), Arbitraries.of("3055550100", "<b>", "", "12")).as((extra, ticked, version, phone) -> {
                    List<Map.Entry<String, String>> all = new ArrayList<>(extra);
                    all.add(Map.entry("version", version));
                    all.add(Map.entry("phone", phone));
                    all.add(Map.entry("email", "ana@example.com"));
                    for (String channel : (Set<String>) ticked) {
                        all.add(Map.entry("consent", channel));
                    }
                    return encode(all);
                });
        Arbitrary<String> raw = Arbitraries.strings().ofMaxLength(200);
        return Arbitraries.oneOf(wellFormed, fields.map(OptInFormProperties::encode), raw,
                Arbitraries.of("consent=sms&consent=sms&version=1&phone=3055550100", "version=1&phone=%ZZ&consent=sms", "&&&==&",
                        "version=1&" + "consent=sms&".repeat(2000) + "phone=3055550100"));
    }

    private static String encode(List<Map.Entry<String, String>> fields) {
        return fields.stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
