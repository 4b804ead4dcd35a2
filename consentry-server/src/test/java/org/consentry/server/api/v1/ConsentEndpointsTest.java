package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentEndpointsTest {

    @TempDir
    Path directory;

    private TestServer server;
    private TestServer.Tenant acme;

    @BeforeEach
    void start() {
        server = new TestServer(directory);
        acme = server.tenantWithSender("Acme");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBodyWithAnythingAfterItsObjectIsRefusedAndNothingIsRecorded() {
        String consent = "{\"address\": \"+13055550100\", \"channel\": \"sms\", \"purpose\": \"marketing\", \"method\": \"api\"}";
        long before = server.ledgerSize();
        for (String body : List.of(consent + consent, consent + " xx", consent + "]", consent + " null")) {
            HttpAnswer answer = server.post("/v1/consents", acme.key(), body);
            assertThat(answer.status()).as("%s -> %s", body, answer).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.text("/errors/0/field")).isEqualTo("body");
        }
        assertThat(server.ledgerSize()).isEqualTo(before);
        assertThat(server.post("/v1/consents", acme.key(), consent + " \r\n\t").status()).as("whitespace after it").isEqualTo(201);
    }

    /**
     * JSON may escape half of a surrogate pair ("\ud800"), which no UTF-8 text holds: stored, it became a '?', so the
     * evidence said other words than those sent. Refused instead, naming the field; a whole pair is kept as sent.
     */
    @Test
    void textWithAnUnpairedSurrogateIsRefusedNotRecordedAltered() {
        long before = server.ledgerSize();
        HttpAnswer answer = server.post("/v1/consents", acme.key(), """
                {"address": "+13055550100", "channel": "sms", "purpose": "marketing", "method": "web_form",
                 "disclosure_text": "Texts from Acme \\ud800", "user_agent": "\\udc00UA"}""");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().at("/errors").findValuesAsText("field")).containsExactlyInAnyOrder("disclosure_text", "user_agent");
        assertThat(server.ledgerSize()).isEqualTo(before);
        assertThat(server.post("/v1/consents", acme.key(), """
                {"address": "+13055550100", "channel": "sms", "purpose": "marketing", "method": "web_form",
                 "disclosure_text": "Texts from Acme \\ud83d\\ude00"}""").status()).isEqualTo(201);
        assertThat(server.get("/v1/evidence?address=%2B13055550100", acme.key()).text("/events/0/event/disclosure_text"))
                .isEqualTo("Texts from Acme \ud83d\ude00");
    }

    /** A chunked body whose chunk is longer than announced cannot be read: a 400 that names the body, as every 400 names its field. */
    @Test
    void aBodyThatCannotBeReadIsAProblemNamingTheBody() throws Exception {
        long before = server.ledgerSize();
        String response;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.uri("/").getPort())) {
            socket.getOutputStream().write(("POST /v1/consents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + acme.key()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"address\"\r\n0\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(response).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/problem+json");
        HttpAnswer answer = new HttpAnswer(400, "application/problem+json", response.substring(response.indexOf("\r\n\r\n") + 4), null);
        assertThat(answer.json().at("/errors/0/field").asText()).as(response).isEqualTo("body");
        assertThat(server.ledgerSize()).isEqualTo(before);
    }

    @Test
    void anAddressMustSuitTheChannel() {
        HttpAnswer answer = server.post("/v1/consents", acme.key(),
                "{\"address\": \"ana@example.com\", \"channel\": \"sms\", \"purpose\": \"marketing\", \"method\": \"api\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("/errors/0/field")).isEqualTo("address");
        assertThat(server.post("/v1/consents", acme.key(),
                "{\"address\": \"Ana@Example.com\", \"channel\": \"email\", \"purpose\": \"marketing\", \"method\": \"api\"}")
                .text("/address")).isEqualTo("ana@example.com");
    }

    /** An opt-out typed with a domain in its own script covers mail addressed to it in ASCII, as it is sent. */
    @Test
    void anOptOutOfADomainInAnotherScriptCoversItsAsciiForm() {
        HttpAnswer optOut = server.post("/v1/opt-outs", acme.key(), "{\"address\": \"Ana@Bücher.example\", \"channel\": \"email\"}");
        assertThat(optOut.status()).isEqualTo(201);
        HttpAnswer check = server.post("/v1/checks", acme.key(), """
                {"channel": "email", "from": "news@acme.example", "to": "ana@xn--bcher-kva.example", "purpose": "transactional",
                 "subject": "Your receipt", "body": "Thank you for your order."}""");
        assertThat(check.json().at("/reasons").findValuesAsText("code")).contains("OPTED_OUT");
    }

    @Test
    void aQueryParameterGivenTwiceIsRefusedNamingIt() {
        for (String path : new String[] {"/v1/consents?address=%2B13055550100&address=%2B13055550101",
                "/v1/evidence?address=%2B13055550100&address=%2B13055550101", "/v1/consents?address=%2B13055550100&country=US&country=CA"}) {
            HttpAnswer answer = server.get(path, acme.key());
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.text("/errors/0/field")).isIn("address", "country");
        }
        assertThat(server.get("/v1/consents?address=%2B13055550100", acme.key()).status()).isEqualTo(200);
    }

    @Test
    void evidenceFieldsAreChecked() {
        HttpAnswer answer = server.post("/v1/consents", acme.key(), """
                {"address": "+13055550100", "channel": "sms", "purpose": "opt_out_confirmation", "method": "telepathy",
                 "captured_at": "2099-01-01T00:00:00Z", "ip": "999.1.1.1", "source_url": "javascript:alert(1)"}""");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("purpose", "method", "captured_at", "ip", "source_url");
    }

    @Test
    void aTimeWithoutAnOffsetIsRefused() {
        HttpAnswer answer = server.post("/v1/consents", acme.key(),
                "{\"address\": \"+13055550100\", \"channel\": \"sms\", \"purpose\": \"marketing\", \"method\": \"api\", \"captured_at\": \"2026-01-10T15:00:00\"}");
        assertThat(answer.text("/errors/0/message")).contains("offset");
    }

    /** Times out of any record's range (a year -999999999 parses) are refused, and nothing is revoked before it was given. */
    @Test
    void timesOutsideTheYearsOfAnyRecordAreRefused() {
        for (String at : List.of("-999999999-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z")) {
            HttpAnswer answer = server.post("/v1/consents", acme.key(), """
                    {"address": "+13055550100", "channel": "sms", "purpose": "marketing", "method": "api", "captured_at": "%s"}"""
                    .formatted(at));
            assertThat(answer.status()).as(at).isEqualTo(400);
            assertThat(answer.text("/errors/0/field")).isEqualTo("captured_at");
        }
        String id = server.post("/v1/consents", acme.key(), """
                {"address": "+13055550100", "channel": "sms", "purpose": "marketing", "method": "api", "captured_at": "2026-01-10T15:00:00Z"}""")
                .text("/id");
        HttpAnswer early = server.post("/v1/consents/" + id + "/revoke", acme.key(), "{\"at\": \"2020-01-01T00:00:00Z\"}");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("\"field\":\"at\"").contains("cannot be revoked before");
        assertThat(server.get("/v1/consents?address=%2B13055550100", acme.key()).text("/consents/0/status")).isEqualTo("active");
    }

    @Test
    void listsEveryConsentEventOldestFirstAndRevokes() {
        String id = server.post("/v1/consents", acme.key(),
                "{\"address\": \"+13055550100\", \"channel\": \"sms\", \"purpose\": \"marketing\", \"method\": \"paper\", \"ip\": \"2001:db8::7\"}")
                .text("/id");
        HttpAnswer revoked = server.post("/v1/consents/" + id + "/revoke", acme.key(), "{\"via\": \"phone call\"}");
        assertThat(revoked.text("/status")).isEqualTo("revoked");
        HttpAnswer list = server.get("/v1/consents?address=305-555-0100", acme.key());
        assertThat(list.json().at("/events").findValuesAsText("type")).containsExactly("consent.granted", "consent.revoked");
        assertThat(list.text("/events/1/event/via")).isEqualTo("phone call");
        assertThat(list.text("/consents/0/status")).isEqualTo("revoked");
        assertThat(server.post("/v1/consents/con_nope/revoke", acme.key(), null).status()).isEqualTo(404);
    }

    @Test
    void aListNeedsAValidAddress() {
        assertThat(server.get("/v1/consents", acme.key()).text("/errors/0/field")).isEqualTo("address");
        assertThat(server.get("/v1/consents?address=banana", acme.key()).status()).isEqualTo(400);
    }

    @Test
    void anOptOutOfAllBlocksEveryChannel() {
        server.post("/v1/consents", acme.key(), "{\"address\": \"+13055550100\", \"channel\": \"voice\", \"purpose\": \"marketing\", \"method\": \"verbal\"}");
        HttpAnswer optOut = server.post("/v1/opt-outs", acme.key(), "{\"address\": \"+13055550100\", \"channel\": \"all\", \"via\": \"call center\"}");
        assertThat(optOut.status()).isEqualTo(201);
        assertThat(optOut.json().at("/revoked_consents").size()).isEqualTo(1);
        HttpAnswer call = server.post("/v1/checks", acme.key(), """
                {"channel": "voice", "from": "+18005550199", "to": "+13055550100", "purpose": "informational",
                 "send_at": "2026-03-14T16:00:00Z"}""");
        assertThat(call.json().at("/reasons").findValuesAsText("code")).contains("OPTED_OUT");
    }

    @Test
    void anEmailOptOutNeedsAnEmailAddress() {
        HttpAnswer answer = server.post("/v1/opt-outs", acme.key(), "{\"address\": \"+13055550100\", \"channel\": \"email\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(server.post("/v1/opt-outs", acme.key(), "{\"address\": \"ana@example.com\", \"channel\": \"fax\"}")
                .text("/errors/0/field")).isEqualTo("channel");
    }

    @Test
    void aDncListWithOneBadNumberIsRefusedWhole() {
        HttpAnswer answer = server.post("/v1/registries/internal/entries", acme.key(), "{\"numbers\": [\"+13055550100\", \"12\"]}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("/errors/0/field")).isEqualTo("numbers[1]");
        assertThat(server.get("/v1/evidence?address=%2B13055550100", acme.key()).json().at("/events").size()).isZero();
    }
}
