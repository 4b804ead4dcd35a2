package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantEndpointsTest {

    @TempDir
    Path directory;

    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(directory);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createsAndReadsATenant() {
        TestServer.Tenant acme = server.tenant("Acme");
        HttpAnswer tenant = server.get("/v1/tenants/" + acme.id(), TestServer.ADMIN_KEY);
        assertThat(tenant.text("/brand")).isEqualTo("Acme");
        assertThat(tenant.text("/status")).isEqualTo("active");
        assertThat(tenant.json().at("/settings/double_opt_in/sms").asBoolean()).isFalse();
        assertThat(tenant.json().has("api_key")).as("the key is shown once").isFalse();
    }

    @Test
    void aRestrictedIndustryIs422NamingTheField() {
        HttpAnswer answer = server.post("/v1/tenants", TestServer.ADMIN_KEY, """
                {"name": "Quick Cash LLC", "brand": "QuickCash", "industry": "Payday loans", "country": "US",
                 "postal_address": "2 Main St"}""");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.text("/errors/0/field")).isEqualTo("industry");
        assertThat(answer.text("/detail")).contains("high-risk financial services");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        HttpAnswer answer = server.post("/v1/tenants", TestServer.ADMIN_KEY,
                "{\"name\": 5, \"brand\": \"\", \"country\": \"usa\", \"nickname\": \"x\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "brand", "industry", "country", "postal_address", "nickname");
    }

    @Test
    void aNameOrBrandWithAControlCharacterIsRefused() {
        // a NUL or a line break in a brand could make one tenant's brand read as another's in texts, pages and memos
        HttpAnswer answer = server.post("/v1/tenants", TestServer.ADMIN_KEY, """
                {"name": "PayPal\\u0000Acme", "brand": "PayPal\\nAcme", "industry": "retail\\u0085", "country": "US",
                 "postal_address": "1 Main St\\nMiami FL 33101"}""");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "brand", "industry");
        assertThat(answer.text("/errors/0/message")).isEqualTo("must be one line without control characters");
    }

    @Test
    void terminationIsFinal() {
        TestServer.Tenant acme = server.tenant("Acme");
        assertThat(server.post("/v1/tenants/" + acme.id() + "/terminate", TestServer.ADMIN_KEY, "{\"reason\": \"fraud\"}")
                .text("/status")).isEqualTo("terminated");
        HttpAnswer resume = server.post("/v1/tenants/" + acme.id() + "/resume", TestServer.ADMIN_KEY, null);
        assertThat(resume.status()).isEqualTo(409);
        assertThat(server.post("/v1/tenants/" + acme.id() + "/suspend", TestServer.ADMIN_KEY, "{}").status())
                .as("a suspension needs a reason").isEqualTo(400);
    }

    @Test
    void anUnknownTenantIs404() {
        assertThat(server.get("/v1/tenants/ten_nobody", TestServer.ADMIN_KEY).status()).isEqualTo(404);
        assertThat(server.post("/v1/tenants/ten_nobody/suspend", TestServer.ADMIN_KEY, "{\"reason\": \"x\"}").status()).isEqualTo(404);
    }

    @Test
    void aTenantAsksForASenderAndTheProviderVerifiesIt() {
        TestServer.Tenant acme = server.tenant("Acme");
        HttpAnswer asked = server.post("/v1/senders", acme.key(), "{\"address\": \"(800) 555-0199\", \"kind\": \"phone\"}");
        assertThat(asked.status()).isEqualTo(201);
        assertThat(asked.text("/status")).isEqualTo("pending");
        assertThat(asked.text("/address")).isEqualTo("+18005550199");
        assertThat(asked.text("/verification")).contains("verif");
        HttpAnswer verified = server.post("/v1/tenants/" + acme.id() + "/senders", TestServer.ADMIN_KEY,
                "{\"address\": \"+18005550199\", \"kind\": \"phone\"}");
        assertThat(verified.text("/status")).isEqualTo("verified");
        assertThat(verified.text("/id")).isEqualTo(asked.text("/id"));
        assertThat(server.get("/v1/senders", acme.key()).json().at("/senders/0/status").asText()).isEqualTo("verified");
    }

    @Test
    void aNumberOfAnotherTenantCannotBeClaimed() {
        server.tenantWithSender("Acme");
        TestServer.Tenant globex = server.tenant("Globex");
        HttpAnswer claim = server.post("/v1/senders", globex.key(), "{\"address\": \"+18005550199\", \"kind\": \"phone\"}");
        assertThat(claim.status()).isEqualTo(409);
        assertThat(claim.text("/errors/0/field")).isEqualTo("address");
    }

    /**
     * news.acme.example is Acme's when Acme verified acme.example: another account's claim on it would take the spam
     * reports about Acme's mail from it, and Acme would go on mailing the people who reported it.
     */
    @Test
    void aDomainUnderAnotherTenantsVerifiedDomainCannotBeClaimed() throws Exception {
        TestServer.Tenant acme = server.tenant("Acme");
        server.post("/v1/tenants/" + acme.id() + "/senders", TestServer.ADMIN_KEY,
                "{\"address\": \"acme.example\", \"kind\": \"email_domain\", \"verified\": true}");
        server.post("/v1/consents", acme.key(),
                "{\"address\": \"ana@example.com\", \"channel\": \"email\", \"purpose\": \"marketing\", \"method\": \"api\", \"confirmed\": true}");
        TestServer.Tenant globex = server.tenant("Globex");
        HttpAnswer claim = server.post("/v1/senders", globex.key(), "{\"address\": \"news.acme.example\", \"kind\": \"email_domain\"}");
        assertThat(claim.status()).isEqualTo(409);
        assertThat(claim.text("/errors/0/field")).isEqualTo("address");

        assertAReportAboutNewsAtAcmeOptsAnaOutAtAcme(acme);
    }

    /** A claim made before Acme verified acme.example does not take the spam reports about Acme's mail from under it. */
    @Test
    void aSpamReportCountsAgainstTheTenantThatVerifiedTheDomainNotAnEarlierClaim() throws Exception {
        TestServer.Tenant acme = server.tenant("Acme");
        TestServer.Tenant globex = server.tenant("Globex");
        assertThat(server.post("/v1/senders", globex.key(), "{\"address\": \"news.acme.example\", \"kind\": \"email_domain\"}").status())
                .isEqualTo(201);
        server.post("/v1/tenants/" + acme.id() + "/senders", TestServer.ADMIN_KEY,
                "{\"address\": \"acme.example\", \"kind\": \"email_domain\", \"verified\": true}");
        server.post("/v1/consents", acme.key(),
                "{\"address\": \"ana@example.com\", \"channel\": \"email\", \"purpose\": \"marketing\", \"method\": \"api\", \"confirmed\": true}");
        assertAReportAboutNewsAtAcmeOptsAnaOutAtAcme(acme);
    }

    /** Ana reports mail from deals@news.acme.example as spam; Acme's next marketing email to her is refused. */
    private void assertAReportAboutNewsAtAcmeOptsAnaOutAtAcme(TestServer.Tenant acme) throws Exception {
        java.net.http.HttpResponse<String> report = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(server.uri("/report")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("reporter=ana%40example.com&sender=deals%40news.acme.example")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(200);
        HttpAnswer check = server.post("/v1/checks", acme.key(), """
                {"channel": "email", "from": "Acme <deals@news.acme.example>", "to": "ana@example.com", "purpose": "marketing",
                 "subject": "Spring sale", "body": "<p>Acme: spring sale.</p><p>1 Main St, Miami FL 33101</p><p><a href=\\"https://acme.example/u\\">Unsubscribe</a></p>"}""");
        assertThat(check.json().at("/reasons").findValuesAsText("code")).as(check.toString()).contains("OPTED_OUT");
    }

    @Test
    void senderAddressesAreCheckedForTheirKind() {
        TestServer.Tenant acme = server.tenant("Acme");
        assertThat(server.post("/v1/senders", acme.key(), "{\"address\": \"ACME-PROMOTIONS\", \"kind\": \"sender_id\"}").status()).isEqualTo(400);
        assertThat(server.post("/v1/senders", acme.key(), "{\"address\": \"not a domain\", \"kind\": \"email_domain\"}").status()).isEqualTo(400);
        assertThat(server.post("/v1/senders", acme.key(), "{\"address\": \"Acme.Example\", \"kind\": \"email_domain\"}")
                .text("/address")).isEqualTo("acme.example");
    }
}
