package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.consentry.evidence.EvidenceSignature;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.consentry.store.testing.StoreFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proof-of-opt-in requests over HTTP: answered in one call with the signed bundle, or suspending the tenant when due. */
class ProofRequestsTest extends ServerWithAcme {

    @BeforeEach
    void start() {
        server.post("/v1/consents", acme.key(), """
                {"address": "+13055550100", "channel": "sms", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7",
                 "disclosure_text": "By checking this box you agree to receive up to 4 marketing texts a month."}""");
    }

    private HttpAnswer open() {
        return server.post("/v1/proof-requests", TestServer.ADMIN_KEY, "{\"tenant\": \"" + acme.id() + "\", \"address\": \"(305) 555-0100\"}");
    }

    private String status() {
        return server.get("/v1/tenants/" + acme.id(), TestServer.ADMIN_KEY).text("/status");
    }

    @Test
    void aRequestIsDueInADayAndAnsweredInOneCallWithTheSignedBundle() throws Exception {
        HttpAnswer opened = open();
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.text("/due_at")).isEqualTo(StoreFixture.START.plus(Duration.ofHours(24)).toString());
        String id = opened.text("/id");
        assertThat(server.get("/v1/proof-requests", acme.key()).json().at("/requests").findValuesAsText("status")).containsExactly("open");

        HttpAnswer answered = server.post("/v1/proof-requests/" + id + "/answer", acme.key(), "{}");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.text("/status")).isEqualTo("answered");
        assertThat(answered.text("/answer")).isEqualTo("bundle");
        assertThat(answered.text("/bundle/address")).isEqualTo("+13055550100");
        @SuppressWarnings("unchecked")
        Map<String, Object> bundle = new ObjectMapper().convertValue(answered.json().get("bundle"), Map.class);
        var key = EvidenceSignature.publicKey(server.get("/v1/keys", null).json().at("/keys/0/public_key").asText());
        assertThat(EvidenceSignature.verify(bundle, key).ok()).isTrue();

        clock.advance(Duration.ofHours(25));
        assertThat(server.store().proofRequests().expireOverdue(clock.instant())).as("answered in time").isEmpty();
        assertThat(status()).isEqualTo("active");
        assertThat(server.post("/v1/proof-requests/" + id + "/answer", acme.key(), "{}").status()).as("closed").isEqualTo(409);
    }

    @Test
    void evidenceOfTheTenantsOwnCanAnswerInstead() {
        String id = open().text("/id");
        HttpAnswer answered = server.post("/v1/proof-requests/" + id + "/answer", acme.key(),
                "{\"evidence\": \"Signed paper form, scanned: https://files.acme.example/forms/0100.pdf\", \"note\": \"collected in store\"}");
        assertThat(answered.text("/answer")).isEqualTo("uploaded");
        assertThat(answered.text("/sha256")).hasSize(64);
        assertThat(answered.json().has("bundle")).isFalse();
    }

    /** Answers sent at once: one is recorded and said to be; every other caller is told the request is closed. */
    @Test
    void answersSentAtOnceRecordOneAnswer() throws Exception {
        String id = open().text("/id");
        int callers = 12;
        java.util.List<HttpAnswer> answers = org.consentry.store.testing.AllAtOnce.run(callers, i -> () ->
                server.post("/v1/proof-requests/" + id + "/answer", acme.key(), "{\"evidence\": \"Signed paper form number " + i + "\"}"));
        java.util.List<HttpAnswer> recorded = answers.stream().filter(a -> a.status() == 200).toList();
        assertThat(recorded).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 409).hasSize(callers - 1);
        HttpAnswer listed = server.get("/v1/proof-requests", acme.key());
        assertThat(listed.json().findValuesAsText("sha256")).containsExactly(recorded.get(0).text("/sha256"));
    }

    @Test
    void anUnansweredRequestSuspendsTheTenantAtItsDueTimeWithTheReason() {
        String id = open().text("/id");
        clock.advance(Duration.ofHours(23));
        assertThat(server.store().proofRequests().expireOverdue(clock.instant())).isEmpty();
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(server.store().proofRequests().expireOverdue(clock.instant())).extracting(r -> r.id()).containsExactly(id);
        HttpAnswer tenant = server.get("/v1/tenants/" + acme.id(), TestServer.ADMIN_KEY);
        assertThat(tenant.text("/status")).isEqualTo("suspended");
        assertThat(tenant.body()).contains(id).contains("not answered");
        assertThat(server.get("/v1/proof-requests", acme.key()).json().at("/requests").findValuesAsText("status")).containsExactly("expired");
        assertThat(server.store().proofRequests().expireOverdue(clock.instant())).as("once only").isEmpty();
        assertThat(server.post("/v1/proof-requests/" + id + "/answer", acme.key(), "{}").status()).isEqualTo(409);
    }

    /** The job runs every 30 seconds; a check made at the due time, before it runs, must not find the tenant active. */
    @Test
    void aCheckAfterTheDueTimeFindsTheTenantSuspendedBeforeTheJobRuns() {
        String check = """
                {"channel": "sms", "from": "+18005550199", "to": "+13055550100", "purpose": "marketing",
                 "body": "Acme: 20% off today. Reply STOP to opt out."}""";
        open();
        clock.advance(Duration.ofHours(23));
        assertThat(server.post("/v1/checks", acme.key(), check).text("/decision")).isEqualTo("allow");
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        HttpAnswer overdue = server.post("/v1/checks", acme.key(), check);
        assertThat(overdue.text("/decision")).isEqualTo("block");
        assertThat(overdue.json().at("/reasons").findValuesAsText("code")).contains("ACCOUNT_SUSPENDED");
        assertThat(status()).isEqualTo("suspended");
    }

    @Test
    void theJobSuspendsOverdueTenantsAfterARestartToo() throws Exception {
        open();
        server.close();
        clock.advance(Duration.ofHours(30));
        server = new TestServer(directory, clock);
        for (int i = 0; i < 100 && !"suspended".equals(status()); i++) {
            Thread.sleep(50);
        }
        assertThat(status()).as("the job runs at start").isEqualTo("suspended");
    }

    @Test
    void onlyTheProviderOpensAndEachTenantSeesItsOwn() {
        assertThat(server.post("/v1/proof-requests", acme.key(), "{\"tenant\": \"" + acme.id() + "\", \"address\": \"+13055550100\"}").status())
                .isEqualTo(403);
        String id = open().text("/id");
        TestServer.Tenant globex = server.tenant("Globex");
        assertThat(server.get("/v1/proof-requests", globex.key()).json().at("/requests").size()).isZero();
        assertThat(server.post("/v1/proof-requests/" + id + "/answer", globex.key(), "{}").status()).isEqualTo(404);
        assertThat(server.post("/v1/proof-requests", TestServer.ADMIN_KEY, "{\"tenant\": \"ten_nobody\", \"address\": \"+13055550100\"}")
                .status()).isEqualTo(404);
    }
}
