package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure at a person's request (GDPR art. 17) over HTTP: what the tenant held about them is unreadable, in the process
 * and in the files; the chain and the proof bundle still verify; the address is never messaged again, across a
 * restart; other people are untouched.
 */
class ErasureTest extends ServerWithAcme {

    private static final String ANA = "+13055550100";
    private static final String IP = "203.0.113.77";
    private static final String AGENT = "Mozilla/5.0 (Erasure test)";
    private static final String CHECK = """
            {"channel": "sms", "from": "+18005550199", "to": "%s", "purpose": "marketing",
             "body": "Acme: 20%% off today. Reply STOP to opt out."}""";

    @BeforeEach
    void start() {
        for (String address : List.of(ANA, "+13055550101")) {
            HttpAnswer consent = server.post("/v1/consents", acme.key(), """
                    {"address": "%s", "channel": "sms", "purpose": "marketing", "method": "web_form", "confirmed": true,
                     "ip": "%s", "user_agent": "%s", "source_url": "https://shop.example/join", "frequency": "4/month"}"""
                    .formatted(address, IP, AGENT));
            assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
        }
        server.post("/v1/contacts", acme.key(), "{\"address\": \"" + ANA + "\", \"state\": \"FL\", \"line_type\": \"mobile\"}");
    }

    private JsonNode check(String to) {
        return server.post("/v1/checks", acme.key(), CHECK.formatted(to)).json();
    }

    private HttpAnswer erase(String address) {
        return server.send("DELETE", "/v1/contacts/" + java.net.URLEncoder.encode(address, StandardCharsets.UTF_8).replace("+", "%20"), acme.key(), null);
    }

    private boolean bundleVerifies(JsonNode bundle) {
        return server.verify(bundle).ok();
    }

    @Test
    void anErasedPersonIsUnreadableSuppressedAndTheChainStillVerifies() {
        assertThat(check(ANA).at("/decision").asText()).isEqualTo("allow");
        JsonNode before = server.get("/v1/evidence?address=%2B13055550100", acme.key()).json();
        assertThat(before.at("/events/0/sealed").asText()).as("stored sealed").isNotEmpty();
        assertThat(before.at("/events/0/event/ip").asText()).isEqualTo(IP);
        assertThat(bundleVerifies(before)).isTrue();

        HttpAnswer erased = erase(ANA);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().at("/events_erased").asInt()).isEqualTo(2);
        assertThat(erased.text("/subject_ref")).startsWith("s_").doesNotContain("3055550100");

        JsonNode verdict = check(ANA);
        assertThat(verdict.at("/decision").asText()).isEqualTo("block");
        assertThat(verdict.at("/reasons").findValuesAsText("code")).contains("SUPPRESSED");
        assertThat(verdict.at("/reasons").findValuesAsText("rule")).contains("suppression/erased-recipient");
        JsonNode history = server.get("/v1/consents?address=%2B13055550100", acme.key()).json();
        assertThat(history.at("/consents").size()).isZero();
        assertThat(history.at("/events/0/erased").asBoolean()).isTrue();
        assertThat(history.at("/events/0/event").size()).isZero();

        JsonNode after = server.get("/v1/evidence?address=%2B13055550100", acme.key()).json();
        assertThat(after.at("/chain/verified").asBoolean()).as("the chain still verifies").isTrue();
        assertThat(after.has("subject_key")).isFalse();
        assertThat(after.at("/events").findValuesAsText("hash")).isEqualTo(before.at("/events").findValuesAsText("hash"));
        assertThat(bundleVerifies(after)).isTrue();
        assertThat(after.toString()).doesNotContain(IP, AGENT);

        assertThat(check("+13055550101").at("/decision").asText()).as("someone else is untouched").isEqualTo("allow");
    }

    @Test
    void nothingOfThemIsLeftInTheFilesAndARestartKeepsThemSuppressed() throws Exception {
        byte[] key = server.store().ledger().subjectKey(acme.id(), ANA).orElseThrow();
        boolean found = false;
        for (Path file : databaseFiles()) {
            found |= indexOf(Files.readAllBytes(file), key) >= 0;
        }
        assertThat(found).as("the search finds the key while it exists").isTrue();
        assertThat(erase(ANA).status()).isEqualTo(200);
        server.close();
        for (Path file : databaseFiles()) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(indexOf(bytes, key)).as("the destroyed key in %s", file).isEqualTo(-1);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(text).as(file.toString()).doesNotContain(ANA, "3055550100", IP, AGENT);
        }
        server = new TestServer(directory, clock);
        assertThat(check(ANA).at("/reasons").findValuesAsText("code")).contains("SUPPRESSED");
        assertThat(server.get("/v1/consents?address=%2B13055550100", acme.key()).json().at("/consents").size()).isZero();
        assertThat(check("+13055550101").at("/decision").asText()).isEqualTo("allow");
        assertThat(server.store().ledger().verify(acme.id()).intact()).isTrue();
    }

    @Test
    void aNewSignUpAfterAnErasureIsKeptButNeverMessaged() {
        erase(ANA);
        HttpAnswer again = server.post("/v1/consents", acme.key(), """
                {"address": "%s", "channel": "sms", "purpose": "marketing", "method": "web_form", "confirmed": true}""".formatted(ANA));
        assertThat(again.status()).isEqualTo(201);
        assertThat(check(ANA).at("/reasons").findValuesAsText("code")).contains("SUPPRESSED");
        assertThat(erase(ANA).json().at("/events_erased").asInt()).as("the new consent is erased too").isEqualTo(1);
        assertThat(erase(ANA).json().at("/events_erased").asInt()).as("erasing again is harmless").isZero();
    }

    @Test
    void anAddressUnderAnOpenProofRequestCannotBeErased() {
        HttpAnswer request = server.post("/v1/proof-requests", TestServer.ADMIN_KEY, "{\"tenant\": \"" + acme.id() + "\", \"address\": \"" + ANA + "\"}");
        assertThat(request.status()).isEqualTo(201);
        HttpAnswer refused = erase(ANA);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.text("/detail")).contains("proof-of-opt-in request");
        assertThat(check(ANA).at("/decision").asText()).isEqualTo("allow");
    }

    /** A proof request that expired unanswered suspended the tenant; its reason, and the request, must not keep the address. */
    @Test
    void anExpiredProofRequestKeepsNothingOfThemAfterAnErasure() throws Exception {
        HttpAnswer request = server.post("/v1/proof-requests", TestServer.ADMIN_KEY, "{\"tenant\": \"" + acme.id() + "\", \"address\": \"" + ANA + "\"}");
        String id = request.text("/id");
        clock.advance(java.time.Duration.ofHours(25));
        assertThat(server.store().proofRequests().expireOverdue(clock.instant())).hasSize(1);
        assertThat(erase(ANA).status()).isEqualTo(200);

        HttpAnswer tenant = server.get("/v1/tenants/" + acme.id(), TestServer.ADMIN_KEY);
        assertThat(tenant.text("/status")).isEqualTo("suspended");
        assertThat(tenant.body()).as("the suspension's reason").contains(id).doesNotContain("3055550100");
        HttpAnswer requests = server.get("/v1/proof-requests", acme.key());
        assertThat(requests.json().at("/requests").findValuesAsText("id")).containsExactly(id);
        assertThat(requests.body()).as("the request, still listed").doesNotContain("3055550100");
        HttpAnswer late = server.post("/v1/proof-requests/" + id + "/answer", acme.key(), "{}");
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        server.close();
        for (Path file : databaseFiles()) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain("3055550100");
        }
        server = new TestServer(directory, clock);
        assertThat(server.get("/v1/proof-requests", acme.key()).body()).doesNotContain("3055550100");
        assertThat(server.get("/v1/tenants/" + acme.id(), TestServer.ADMIN_KEY).body()).contains(id).doesNotContain("3055550100");
    }

    @Test
    void anyWayOfWritingTheAddressErasesItAndStaysSuppressed() {
        assertThat(erase("+1 (305) 555-0100").status()).isEqualTo(200);
        for (String spelling : List.of("305.555.0100", "(305) 555-0100", "+1 305 555 0100", "13055550100")) {
            assertThat(check(spelling).at("/reasons").findValuesAsText("rule")).as(spelling).contains("suppression/erased-recipient");
        }
        HttpAnswer consent = server.post("/v1/consents", acme.key(), """
                {"address": "Ana.Lima@Example.COM", "channel": "email", "purpose": "marketing", "method": "web_form", "confirmed": true}""");
        assertThat(consent.status()).isEqualTo(201);
        assertThat(erase("ANA.LIMA@example.com").json().at("/events_erased").asInt()).isEqualTo(1);
        HttpAnswer email = server.post("/v1/checks", acme.key(), """
                {"channel": "email", "from": "news@acme.example", "to": "ana.lima@EXAMPLE.com", "purpose": "marketing",
                 "subject": "Sale", "body": "20% off"}""");
        assertThat(email.json().at("/reasons").findValuesAsText("rule")).as(email.toString()).contains("suppression/erased-recipient");
    }

    @Test
    void aBadAddressIsAProblemNamingIt() {
        HttpAnswer bad = erase("not-an-address");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("address");
        assertThat(server.send("DELETE", "/v1/contacts/%2B13055550100?country=ZZ", acme.key(), null).status()).isEqualTo(400);
    }

    @Test
    void aChangedSealedEventFailsTheBundle() throws Exception {
        JsonNode bundle = server.get("/v1/evidence?address=%2B13055550100", acme.key()).json();
        com.fasterxml.jackson.databind.node.ObjectNode altered = bundle.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) altered.at("/events/0/event")).put("ip", "198.51.100.1");
        assertThat(server.verify(altered).ok()).isFalse();
        assertThat(server.verify(altered).problem()).contains("not what was sealed");
    }

    private List<Path> databaseFiles() throws Exception {
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(directory)) {
            list.filter(p -> p.getFileName().toString().startsWith("consentry.db")).forEach(files::add);
        }
        assertThat(files).isNotEmpty();
        return files;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
