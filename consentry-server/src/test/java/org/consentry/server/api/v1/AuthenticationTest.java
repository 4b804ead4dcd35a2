package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys as API.md says: admin manages tenants and may act for one; a tenant key sees only its own tenant. */
class AuthenticationTest {

    @TempDir
    Path directory;

    private TestServer server;
    private TestServer.Tenant acme;
    private TestServer.Tenant globex;

    @BeforeEach
    void start() {
        server = new TestServer(directory);
        acme = server.tenantWithSender("Acme");
        globex = server.tenant("Globex");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMissingKeyIs401WithAChallenge() {
        HttpAnswer answer = server.get("/v1/settings", null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void aWrongKeyIs401() {
        assertThat(server.get("/v1/settings", "csk_not_a_key").status()).isEqualTo(401);
        assertThat(server.send("GET", "/v1/settings", null, null, "Authorization", "Basic YTpi").status()).isEqualTo(401);
    }

    @Test
    void aTenantKeyCannotManageTenants() {
        HttpAnswer answer = server.get("/v1/tenants/" + acme.id(), acme.key());
        assertThat(answer.status()).isEqualTo(403);
        assertThat(server.post("/v1/tenants", acme.key(), "{}").status()).isEqualTo(403);
    }

    @Test
    void theAdminActsForATenantNamedInTheHeader() {
        assertThat(server.get("/v1/settings", TestServer.ADMIN_KEY).status()).isEqualTo(400);
        assertThat(server.get("/v1/settings", TestServer.ADMIN_KEY, "Consentry-Tenant", acme.id()).status()).isEqualTo(200);
        assertThat(server.get("/v1/settings", TestServer.ADMIN_KEY, "Consentry-Tenant", "ten_nobody").status()).isEqualTo(404);
    }

    @Test
    void aTenantKeyNamingAnotherTenantIsRefusedNotQuietlyActingForItsOwn() {
        String consent = "{\"address\": \"+13055550100\", \"channel\": \"sms\", \"purpose\": \"marketing\", \"method\": \"api\"}";
        HttpAnswer other = server.post("/v1/consents", acme.key(), consent, "Consentry-Tenant", globex.id());
        assertThat(other.status()).as("%s", other).isEqualTo(403);
        assertThat(other.isProblem()).isTrue();
        assertThat(server.get("/v1/consents?address=%2B13055550100", acme.key()).json().at("/events").size())
                .as("nothing recorded for the key's own tenant").isZero();
        HttpAnswer missing = server.get("/v1/settings", acme.key(), "Consentry-Tenant", "ten_nobody");
        assertThat(missing.status()).as("the same answer whether the named tenant exists or not").isEqualTo(403);
        assertThat(missing.json().at("/detail").asText()).isEqualTo(other.json().at("/detail").asText());
        assertThat(server.get("/v1/settings", acme.key(), "Consentry-Tenant", acme.id()).status()).as("its own id").isEqualTo(200);
    }

    @Test
    void aTenantNeverSeesAnotherTenantsData() {
        HttpAnswer consent = server.post("/v1/consents", acme.key(),
                "{\"address\": \"+13055550100\", \"channel\": \"sms\", \"purpose\": \"marketing\", \"method\": \"api\"}");
        String id = consent.text("/id");
        assertThat(server.post("/v1/consents/" + id + "/revoke", globex.key(), null).status()).isEqualTo(404);
        assertThat(server.get("/v1/consents?address=%2B13055550100", globex.key()).json().at("/events").size()).isZero();
        assertThat(server.get("/v1/evidence?address=%2B13055550100", globex.key()).json().at("/events").size()).isZero();
        assertThat(server.get("/v1/consents?address=%2B13055550100", acme.key()).json().at("/events").size()).isEqualTo(1);
        HttpAnswer inbound = server.post("/v1/inbound/sms", globex.key(),
                "{\"from\": \"+13055550100\", \"to\": \"+18005550199\", \"body\": \"STOP\"}");
        assertThat(inbound.status()).as("a reply to another tenant's number").isEqualTo(400);
        assertThat(inbound.json().at("/errors/0/field").asText()).isEqualTo("to");
    }

    @Test
    void theAdminReportsRepliesForWhicheverTenantOwnsTheNumber() {
        HttpAnswer inbound = server.post("/v1/inbound/sms", TestServer.ADMIN_KEY,
                "{\"from\": \"+13055550100\", \"to\": \"+18005550199\", \"body\": \"STOP\"}");
        assertThat(inbound.status()).isEqualTo(200);
        assertThat(inbound.text("/tenant")).isEqualTo(acme.id());
    }

    /** A client that uses the wrong method learns so (405), not that the path does not exist (404). */
    @Test
    void aKnownPathAskedWithAnotherMethodIs405AndAnUnknownOne404() {
        HttpAnswer wrongMethod = server.send("DELETE", "/v1/consents", acme.key(), null);
        assertThat(wrongMethod.status()).as(wrongMethod.toString()).isEqualTo(405);
        assertThat(wrongMethod.isProblem()).isTrue();
        assertThat(wrongMethod.headers().firstValue("Allow")).as("RFC 9110: a 405 names the methods").hasValueSatisfying(allow ->
                assertThat(allow.split(",\\s*")).contains("GET", "POST"));
        HttpAnswer unknown = server.send("GET", "/v1/no-such-thing", acme.key(), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void healthAndTheContractNeedNoKey() {
        assertThat(server.get("/health", null).text("/status")).isEqualTo("ok");
        assertThat(server.get("/openapi.json", null).text("/openapi")).isEqualTo("3.1.0");
    }
}
