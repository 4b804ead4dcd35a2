package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A permission pass over HTTP: the consents it reaches are unconfirmed until the recipient replies YES. */
class PermissionPassTest extends ServerWithAcme {

    @BeforeEach
    void start() {
        assertThat(server.postCsv("/v1/consents/import?source=Spring%20list&collection_method=web_form&channel=sms&purpose=marketing",
                acme.key(), "address,captured_at\n+13055550100,2026-02-20T10:00:00Z\n").status()).isEqualTo(201);
        assertThat(consent("+13055550101", "2026-02-20T10:00:00Z").status()).isEqualTo(201);
        assertThat(consent("+13055550102", "2026-03-05T10:00:00Z").status()).isEqualTo(201);
    }

    private HttpAnswer consent(String number, String capturedAt) {
        return server.post("/v1/consents", acme.key(), """
                {"address": "%s", "channel": "sms", "purpose": "marketing", "method": "web_form",
                 "captured_at": "%s", "confirmed": true}""".formatted(number, capturedAt));
    }

    private String check(String number) {
        HttpAnswer verdict = server.post("/v1/checks", acme.key(), """
                {"channel": "sms", "from": "+18005550199", "to": "%s", "purpose": "marketing",
                 "body": "Acme: spring sale, 20%% off today. Reply STOP to opt out."}""".formatted(number));
        return verdict.text("/decision") + " " + verdict.json().at("/reasons").findValuesAsText("code");
    }

    private HttpAnswer pass(String body) {
        return server.post("/v1/tenants/" + acme.id() + "/permission-pass", TestServer.ADMIN_KEY, body);
    }

    @Test
    void theConsentsOfOneImportAreUnconfirmedUntilTheRecipientRepliesYes() {
        assertThat(check("+13055550100")).isEqualTo("allow []");
        HttpAnswer required = pass("{\"import_source\": \"Spring list\", \"reason\": \"a carrier audit found the list doubtful\"}");
        assertThat(required.status()).isEqualTo(201);
        assertThat(required.json().at("/consents_to_reconfirm").asInt()).isEqualTo(1);
        assertThat(check("+13055550100")).startsWith("block [CONSENT_UNCONFIRMED");
        assertThat(check("+13055550101")).as("not from that import").isEqualTo("allow []");
        assertThat(server.postCsv("/v1/consents/import?source=Spring%20list&collection_method=web_form&channel=sms&purpose=marketing",
                acme.key(), "address,captured_at\n+13055550105,2026-03-10T10:00:00Z\n").status()).isEqualTo(201);
        assertThat(check("+13055550105")).as("the same import sent again after the pass").startsWith("block [CONSENT_UNCONFIRMED");

        HttpAnswer yes = server.post("/v1/inbound/sms", acme.key(), "{\"from\": \"+13055550100\", \"to\": \"+18005550199\", \"body\": \"YES\"}");
        assertThat(yes.text("/action")).isEqualTo("confirm");
        assertThat(check("+13055550100")).isEqualTo("allow []");
    }

    @Test
    void consentsCapturedBeforeADateAreUnconfirmedAndStaySoAfterARestart() {
        HttpAnswer required = pass("{\"captured_before\": \"2026-03-01T00:00:00Z\"}");
        assertThat(required.json().at("/consents_to_reconfirm").asInt()).isEqualTo(2);
        assertThat(check("+13055550101")).startsWith("block [CONSENT_UNCONFIRMED");
        assertThat(check("+13055550102")).as("captured after the date").isEqualTo("allow []");
        HttpAnswer again = consent("+13055550101", "2026-02-20T10:00:00Z");
        assertThat(again.text("/status")).as("recording it again does not undo the pass").isEqualTo("pending");
        assertThat(check("+13055550101")).startsWith("block [CONSENT_UNCONFIRMED");
        assertThat(consent("+13055550103", "2026-02-01T10:00:00Z").text("/status")).as("captured before the date, recorded after the pass")
                .isEqualTo("pending");
        assertThat(check("+13055550103")).startsWith("block [CONSENT_UNCONFIRMED");
        assertThat(consent("+13055550104", "2026-03-02T10:00:00Z").text("/status")).as("captured after the date").isEqualTo("active");
        assertThat(check("+13055550104")).isEqualTo("allow []");

        server.close();
        server = new TestServer(directory, clock);
        assertThat(check("+13055550101")).startsWith("block [CONSENT_UNCONFIRMED");
        assertThat(check("+13055550103")).startsWith("block [CONSENT_UNCONFIRMED");
        assertThat(check("+13055550104")).isEqualTo("allow []");
    }

    @Test
    void aPassNamesWhatItReachesAndOnlyTheProviderRequiresOne() {
        assertThat(pass("{\"reason\": \"because\"}").body()).contains("captured_before");
        assertThat(pass("{\"captured_before\": \"soon\"}").status()).isEqualTo(400);
        assertThat(server.post("/v1/tenants/" + acme.id() + "/permission-pass", acme.key(), "{\"import_source\": \"Spring list\"}").status())
                .isEqualTo(403);
        assertThat(server.post("/v1/tenants/ten_nobody/permission-pass", TestServer.ADMIN_KEY, "{\"import_source\": \"x\"}").status())
                .isEqualTo(404);
    }
}
