package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/traceback?to=&from=&at=} (admin): who sent to that number, from that caller ID, around that time. */
class TracebackTest extends ServerWithAcme {

    private TestServer.Tenant globex;
    private String acmeCheck;

    @BeforeEach
    void start() {
        globex = server.tenant("Globex");
        assertThat(server.post("/v1/tenants/" + globex.id() + "/senders", TestServer.ADMIN_KEY,
                "{\"address\": \"+18005550198\", \"kind\": \"phone\", \"verified\": true}").status()).isEqualTo(201);
        acmeCheck = commit(acme, "Acme", "+18005550199");
        commit(globex, "Globex", "+18005550198");
    }

    private String commit(TestServer.Tenant tenant, String brand, String from) {
        assertThat(server.post("/v1/consents", tenant.key(), """
                {"address": "+13055550100", "channel": "sms", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-01-10T15:00:00Z", "confirmed": true}""").status()).isEqualTo(201);
        HttpAnswer check = server.post("/v1/checks", tenant.key(), """
                {"channel": "sms", "from": "%s", "to": "+13055550100", "purpose": "marketing", "commit": true,
                 "campaign": "spring", "body": "%s: spring sale, 20%% off today. Reply STOP to opt out."}""".formatted(from, brand));
        assertThat(check.text("/decision")).as("%s", check).isEqualTo("allow");
        return check.text("/id");
    }

    private HttpAnswer traceback(String query) {
        return server.get("/v1/traceback?" + query, TestServer.ADMIN_KEY);
    }

    @Test
    void namesTheTenantThatSentFromThatCallerIdAroundThatTime() {
        HttpAnswer answer = traceback("to=%2B13055550100&from=%2B18005550199&at=2026-03-14T16:05:00Z");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().at("/sends").size()).isEqualTo(1);
        assertThat(answer.text("/sends/0/tenant")).isEqualTo(acme.id());
        assertThat(answer.text("/sends/0/brand")).isEqualTo("Acme");
        assertThat(answer.text("/sends/0/check_id")).isEqualTo(acmeCheck);
        assertThat(answer.text("/sends/0/verdict")).isEqualTo("allow");
        assertThat(answer.text("/sends/0/from")).isEqualTo("+18005550199");
        assertThat(answer.text("/sends/0/to")).isEqualTo("+13055550100");
        assertThat(answer.text("/sends/0/send_at")).isEqualTo("2026-03-14T16:00:00Z");
        assertThat(answer.text("/sends/0/campaign")).isEqualTo("spring");
    }

    @Test
    void withoutACallerIdEveryTenantThatSentToTheNumberIsNamed() {
        HttpAnswer answer = traceback("to=(305)%20555-0100&at=2026-03-14T16:00:00Z");
        assertThat(answer.json().at("/sends").findValuesAsText("tenant")).containsExactlyInAnyOrder(acme.id(), globex.id());
    }

    @Test
    void sendsFarFromTheTimeAskedAreNotNamed() {
        assertThat(traceback("to=%2B13055550100&at=2026-03-15T16:00:00Z").json().at("/sends").size()).isZero();
        assertThat(traceback("to=%2B13055550100&from=%2B18005550100").json().at("/sends").size()).isZero();
    }

    @Test
    void needsTheAdminKeyAndAValidQuery() {
        assertThat(server.get("/v1/traceback?to=%2B13055550100", acme.key()).status()).isEqualTo(403);
        assertThat(server.get("/v1/traceback?to=%2B13055550100", null).status()).isEqualTo(401);
        HttpAnswer noTo = traceback("from=%2B18005550199");
        assertThat(noTo.status()).isEqualTo(400);
        assertThat(noTo.isProblem()).isTrue();
        assertThat(noTo.text("/errors/0/field")).isEqualTo("to");
        HttpAnswer badAt = traceback("to=%2B13055550100&at=yesterday");
        assertThat(badAt.status()).isEqualTo(400);
        assertThat(badAt.text("/errors/0/field")).isEqualTo("at");
        assertThat(traceback("to=%2B13055550100&window_minutes=0").text("/errors/0/field")).isEqualTo("window_minutes");
    }
}
