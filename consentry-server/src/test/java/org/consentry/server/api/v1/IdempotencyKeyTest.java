package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request retried with the same Idempotency-Key gets its first answer again and takes effect once. */
class IdempotencyKeyTest extends ServerWithAcme {

    private static final String KEY = "Idempotency-Key";
    private static final String COMMIT = """
            {"channel": "sms", "from": "+18005550199", "to": "+13055550100", "purpose": "marketing", "commit": true,
             "body": "Acme: spring sale, 20% off today. Reply STOP to opt out."}""";
    private static final String CONSENT = """
            {"address": "+13055550100", "channel": "sms", "purpose": "marketing", "method": "web_form",
             "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7",
             "disclosure_text": "By checking this box you agree to receive up to 4 marketing texts a month from Acme."}""";

    @BeforeEach
    void consent() {
        assertThat(server.post("/v1/consents", acme.key(), CONSENT).status()).isEqualTo(201);
    }

    private HttpAnswer commit(String key) {
        return server.post("/v1/checks", acme.key(), COMMIT, KEY, key);
    }

    private static boolean replayed(HttpAnswer answer) {
        return answer.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
    }

    @Test
    void aCommittedCheckRetriedIsAnsweredAgainAndCountedOnce() {
        HttpAnswer first = commit("order-4711");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("/decision")).isEqualTo("allow");
        assertThat(replayed(first)).isFalse();
        long written = server.ledgerSize();

        HttpAnswer retry = commit("order-4711");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).as("the first answer, byte for byte").isEqualTo(first.body());
        assertThat(retry.contentType()).startsWith("application/json");
        assertThat(replayed(retry)).isTrue();
        assertThat(server.ledgerSize()).as("no second send recorded").isEqualTo(written);

        HttpAnswer without = server.post("/v1/checks", acme.key(), COMMIT);
        assertThat(without.text("/decision")).as("without the key it is another send: the same text again").isEqualTo("block");
        assertThat(without.json().at("/reasons").findValuesAsText("code")).contains("DUPLICATE_CONTENT");
    }

    @Test
    void theAnswerSurvivesARestart() {
        HttpAnswer first = commit("k-restart");
        long written = server.ledgerSize();
        server.close();
        server = new TestServer(directory, clock);
        HttpAnswer retry = commit("k-restart");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(replayed(retry)).isTrue();
        assertThat(server.ledgerSize()).isEqualTo(written);
    }

    @Test
    void aKeyUsedForAnotherRequestIsRefusedNamingTheHeader() {
        commit("k1");
        HttpAnswer other = server.post("/v1/checks", acme.key(), COMMIT.replace("20% off", "30% off"), KEY, "k1");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.isProblem()).isTrue();
        assertThat(other.text("/errors/0/field")).isEqualTo(KEY);
        HttpAnswer otherPath = server.post("/v1/opt-outs", acme.key(), "{\"address\": \"+13055550100\", \"channel\": \"sms\"}", KEY, "k1");
        assertThat(otherPath.status()).as("a key names one request, on one path").isEqualTo(422);
        assertThat(server.get("/v1/consents?address=%2B13055550100", acme.key()).json().at("/events").findValuesAsText("type"))
                .as("the opt-out refused took no effect").doesNotContain("consent.revoked");
    }

    @Test
    void aMalformedKeyIsRefusedNamingTheHeader() {
        for (String key : new String[] {"", "two words", "x".repeat(256)}) {
            HttpAnswer refused = commit(key);
            assertThat(refused.status()).as("'%s'", key).isEqualTo(400);
            assertThat(refused.text("/errors/0/field")).isEqualTo(KEY);
        }
        assertThat(commit("x".repeat(255)).status()).isEqualTo(200);
    }

    @Test
    void aRequestRefusedTakesNoKeyAndItsCorrectedRetryRuns() {
        HttpAnswer refused = server.post("/v1/checks", acme.key(), COMMIT.replace("\"sms\"", "\"fax\""), KEY, "k2");
        assertThat(refused.status()).isEqualTo(400);
        HttpAnswer corrected = commit("k2");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(replayed(corrected)).isFalse();
        assertThat(corrected.text("/decision")).isEqualTo("allow");
    }

    @Test
    void keysAreEachTenantsOwn() {
        commit("shared");
        TestServer.Tenant other = server.tenant("Other");
        HttpAnswer theirs = server.post("/v1/consents", other.key(), CONSENT, KEY, "shared");
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(replayed(theirs)).isFalse();
    }

    @Test
    void aConsentRetriedIsRecordedOnce() {
        String consent = CONSENT.replace("marketing", "informational");
        HttpAnswer first = server.post("/v1/consents", acme.key(), consent, KEY, "consent-1");
        HttpAnswer retry = server.post("/v1/consents", acme.key(), consent, KEY, "consent-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("/id")).isEqualTo(first.text("/id"));
        JsonNode events = server.get("/v1/consents?address=%2B13055550100", acme.key()).json().at("/events");
        assertThat(events.findValuesAsText("type")).as("the consent of the set-up and this one").containsExactly("consent.granted", "consent.granted");
    }

    @Test
    void aKeyIsFreeAgainAfterADay() {
        commit("k-day");
        long written = server.ledgerSize();
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        HttpAnswer later = commit("k-day");
        assertThat(replayed(later)).isFalse();
        assertThat(later.text("/decision")).isEqualTo("allow");
        assertThat(server.ledgerSize()).as("a new send, a day later").isGreaterThan(written);
    }

    @Test
    void anErasureForgetsTheAnswersThatMayNameThePerson() {
        assertThat(commit("k-erase").text("/decision")).isEqualTo("allow");
        assertThat(server.send("DELETE", "/v1/contacts/%2B13055550100", acme.key(), null).status()).isEqualTo(200);
        HttpAnswer retry = commit("k-erase");
        assertThat(replayed(retry)).as("judged again, not answered from a copy naming the person").isFalse();
        assertThat(retry.text("/decision")).isEqualTo("block");
    }

    @Test
    void aRequestThatNeverAnsweredIsNotRunAgain() throws Exception {
        // a claim left by a server that died while the request ran: whether the send was recorded is unknown
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update("POST /v1/checks?\n".getBytes(StandardCharsets.UTF_8));
        digest.update(COMMIT.getBytes(StandardCharsets.UTF_8));
        server.store().idempotency().claim(acme.id(), "k-cut", digest.digest(), clock.instant());
        server.close();
        server = new TestServer(directory, clock);
        long written = server.ledgerSize();

        HttpAnswer retry = commit("k-cut");
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.text("/errors/0/field")).isEqualTo(KEY);
        assertThat(retry.text("/detail")).contains("stopped before it answered");
        assertThat(server.ledgerSize()).isEqualTo(written);
    }

    @Test
    void everyRouteThatTakesAKeyIsServedAndPublishedWithIt() {
        JsonNode paths = server.get("/openapi.json", null).json().get("paths");
        for (String path : ApiV1.IDEMPOTENT) {
            assertThat(server.server().endpoints()).contains("POST " + path);
            assertThat(paths.at("/" + path.replace("~", "~0").replace("/", "~1") + "/post/parameters").findValuesAsText("$ref"))
                    .as(path).contains("#/components/parameters/IdempotencyKey");
        }
    }
}
