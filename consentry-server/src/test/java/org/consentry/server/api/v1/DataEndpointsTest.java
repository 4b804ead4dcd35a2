package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts rules read that are not consents: registries, contact records, relationships, reassigned numbers,
 * line types, the tenant's settings and plan. Who may write each, and what a bad write is told.
 */
class DataEndpointsTest {

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
    void onlyTheProviderWritesTheProviderLists() {
        for (String list : new String[] {"national", "state:FL", "block"}) {
            HttpAnswer answer = server.post("/v1/registries/" + list + "/entries", acme.key(), "{\"numbers\": [\"+13055550100\"]}");
            assertThat(answer.status()).as(list).isEqualTo(403);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(server.post("/v1/reassigned", acme.key(),
                "{\"entries\": [{\"number\": \"+13055550100\", \"disconnected_at\": \"2026-01-01T00:00:00Z\"}]}").status()).isEqualTo(403);
        assertThat(server.post("/v1/line-types", acme.key(), "{\"entries\": [{\"number\": \"+13055550100\", \"type\": \"mobile\"}]}")
                .status()).isEqualTo(403);
        assertThat(server.send("PUT", "/v1/tenants/" + acme.id() + "/plan", acme.key(), "{\"sends_per_minute\": 10}").status())
                .isEqualTo(403);
        assertThat(server.ledgerSize()).as("nothing refused was written").isEqualTo(ledgerAfterSetup());
    }

    private long ledgerAfterSetup() {
        return 3; // TenantCreated, ApiKeyIssued, SenderRegistered
    }

    @Test
    void registriesCountWhatTheyAddAndNameABadNumberByIndex() {
        HttpAnswer added = server.post("/v1/registries/national/entries", TestServer.ADMIN_KEY,
                "{\"numbers\": [\"+12025550100\", \"(202) 555-0101\", \"+12025550100\"], \"as_of\": \"2026-03-10T00:00:00Z\"}");
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        assertThat(added.json().at("/added").asInt()).as("a number listed twice is added once").isEqualTo(2);
        HttpAnswer again = server.post("/v1/registries/national/entries", TestServer.ADMIN_KEY, "{\"numbers\": [\"+12025550101\"]}");
        assertThat(again.json().at("/added").asInt()).isZero();

        HttpAnswer bad = server.post("/v1/registries/national/entries", TestServer.ADMIN_KEY,
                "{\"numbers\": [\"+12025550102\", \"12345\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("/errors/0/field")).isEqualTo("numbers[1]");
        assertThat(server.store().providerLists().contains("national", "+12025550102")).as("refused whole").isFalse();

        HttpAnswer future = server.post("/v1/registries/national/entries", TestServer.ADMIN_KEY,
                "{\"numbers\": [\"+12025550103\"], \"as_of\": \"2999-01-01T00:00:00Z\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("/errors/0/field")).isEqualTo("as_of");
        HttpAnswer futureAdded = server.post("/v1/registries/national/entries", TestServer.ADMIN_KEY,
                "{\"numbers\": [\"+12025550103\"], \"added_at\": \"2999-01-01T00:00:00Z\"}");
        assertThat(futureAdded.status()).as("added_at dates the copy when as_of is absent").isEqualTo(400);
        assertThat(futureAdded.text("/errors/0/field")).isEqualTo("added_at");
        assertThat(server.store().providerLists().asOf("national")).hasToString("2026-03-10T00:00:00Z");
    }

    @Test
    void anEmailAddressBelongsOnlyOnTheBlockList() {
        assertThat(server.post("/v1/registries/block/entries", TestServer.ADMIN_KEY, "{\"numbers\": [\"Spam@Example.com\"]}")
                .json().at("/added").asInt()).isEqualTo(1);
        assertThat(server.store().providerLists().factsFor("spam@example.com").blocked()).isTrue();
        HttpAnswer national = server.post("/v1/registries/national/entries", TestServer.ADMIN_KEY, "{\"numbers\": [\"spam@example.com\"]}");
        assertThat(national.status()).isEqualTo(400);
        assertThat(national.text("/errors/0/field")).isEqualTo("numbers[0]");
        assertThat(server.send("DELETE", "/v1/registries/block/entries", TestServer.ADMIN_KEY, "{\"numbers\": [\"spam@example.com\"]}")
                .json().at("/removed").asInt()).isEqualTo(1);
        assertThat(server.store().providerLists().factsFor("spam@example.com").blocked()).isFalse();
    }

    @Test
    void aListThatDoesNotExistIs404AndTheInternalListOnlyGrows() {
        HttpAnswer unknown = server.post("/v1/registries/gold/entries", TestServer.ADMIN_KEY, "{\"numbers\": []}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(server.post("/v1/registries/state:florida/entries", TestServer.ADMIN_KEY, "{\"numbers\": []}").status()).isEqualTo(404);
        assertThat(server.post("/v1/registries/state:zz/entries", TestServer.ADMIN_KEY, "{\"numbers\": []}").body()).contains("no state 'zz'");
        HttpAnswer province = server.post("/v1/registries/state:on/entries", TestServer.ADMIN_KEY, "{\"numbers\": [\"+14165550100\"]}");
        assertThat(province.status()).as("a province's list would never block anyone").isEqualTo(404);
        assertThat(province.body()).contains("Canadian province");
        HttpAnswer shrink = server.send("DELETE", "/v1/registries/internal/entries", acme.key(), "{\"numbers\": [\"+13055550100\"]}");
        assertThat(shrink.status()).isEqualTo(400);
        assertThat(shrink.text("/errors/0/field")).isEqualTo("list");
    }

    @Test
    void aContactRecordKeepsWhatItWasToldAndTheStricterLineTypeWins() {
        assertThat(server.post("/v1/line-types", TestServer.ADMIN_KEY,
                "{\"entries\": [{\"number\": \"+13055550100\", \"type\": \"landline\"}]}").status()).isEqualTo(200);
        HttpAnswer declared = server.post("/v1/contacts", acme.key(), "{\"address\": \"(305) 555-0100\", \"state\": \"tx\"}");
        assertThat(declared.status()).as("%s", declared).isEqualTo(201);
        assertThat(declared.text("/state")).isEqualTo("TX");
        assertThat(declared.text("/effective_line_type")).isEqualTo("landline");
        HttpAnswer mobile = server.post("/v1/contacts", acme.key(), "{\"address\": \"+13055550100\", \"line_type\": \"mobile\"}");
        assertThat(mobile.text("/state")).as("a later declaration keeps what it does not change").isEqualTo("TX");
        assertThat(mobile.text("/effective_line_type")).isEqualTo("mobile");

        HttpAnswer badState = server.post("/v1/contacts", acme.key(), "{\"address\": \"+13055550100\", \"state\": \"Texas\"}");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.text("/errors/0/field")).isEqualTo("state");
        for (String body : new String[] {
                "{\"address\": \"+13055550100\", \"state\": \"ZZ\"}",
                "{\"address\": \"+13055550100\", \"state\": \"ON\"}",
                "{\"address\": \"+442071234567\", \"state\": \"FL\"}",
                "{\"address\": \"ana@example.co.uk\", \"country\": \"GB\", \"state\": \"TX\"}"}) {
            HttpAnswer refused = server.post("/v1/contacts", acme.key(), body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.text("/errors/0/field")).as(body).isEqualTo("state");
        }
        assertThat(server.post("/v1/contacts", acme.key(), "{\"address\": \"+14165550100\", \"state\": \"QC\"}").status())
                .isEqualTo(201);
        assertThat(server.post("/v1/contacts", acme.key(), "{\"address\": \"ana@example.com\", \"state\": \"ON\"}").status())
                .as("an email address's country is not known before the check").isEqualTo(201);
        HttpAnswer badType = server.post("/v1/contacts", acme.key(), "{\"address\": \"+13055550100\", \"line_type\": \"pager\"}");
        assertThat(badType.text("/errors/0/field")).isEqualTo("line_type");
    }

    @Test
    void aRelationshipNeedsAKindAndAPastTime() {
        assertThat(server.post("/v1/relationships", acme.key(),
                "{\"address\": \"+13055550100\", \"kind\": \"purchase\", \"at\": \"2026-01-10T00:00:00Z\"}").status()).isEqualTo(201);
        HttpAnswer kind = server.post("/v1/relationships", acme.key(), "{\"address\": \"+13055550100\", \"kind\": \"friendship\"}");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.text("/errors/0/field")).isEqualTo("kind");
        HttpAnswer future = server.post("/v1/relationships", acme.key(),
                "{\"address\": \"+13055550100\", \"kind\": \"inquiry\", \"at\": \"2999-01-01T00:00:00Z\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("/errors/0/field")).isEqualTo("at");
    }

    @Test
    void settingsReadBackAsWrittenAndHoursWiderThanTheLawAre422() {
        HttpAnswer put = server.send("PUT", "/v1/settings", acme.key(), """
                {"auto_append_opt_out": true, "quiet_hours": {"start": "09:00", "end": "20:00"},
                 "frequency_caps": [{"count": 2, "window_hours": 24, "per": "topic"}],
                 "duplicate_window_minutes": 120, "email_daily_volume": 5000}""");
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        HttpAnswer read = server.get("/v1/settings", acme.key());
        assertThat(read.json().at("/auto_append_opt_out").asBoolean()).isTrue();
        assertThat(read.text("/quiet_hours/start")).isEqualTo("09:00");
        assertThat(read.text("/quiet_hours/end")).isEqualTo("20:00");
        assertThat(read.json().at("/frequency_caps/0/count").asInt()).isEqualTo(2);
        assertThat(read.text("/frequency_caps/0/per")).isEqualTo("topic");
        assertThat(read.json().at("/duplicate_window_minutes").asInt()).isEqualTo(120);
        assertThat(read.json().at("/email_daily_volume").asInt()).isEqualTo(5000);

        HttpAnswer early = server.send("PUT", "/v1/settings", acme.key(), "{\"quiet_hours\": {\"start\": \"07:59\", \"end\": \"20:00\"}}");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.text("/errors/0/field")).isEqualTo("quiet_hours");
        assertThat(server.get("/v1/settings", acme.key()).text("/quiet_hours/start")).as("unchanged").isEqualTo("09:00");
        HttpAnswer backwards = server.send("PUT", "/v1/settings", acme.key(), "{\"quiet_hours\": {\"start\": \"20:00\", \"end\": \"09:00\"}}");
        assertThat(backwards.status()).isIn(400, 422);
        assertThat(backwards.body()).contains("quiet_hours");
    }

    @Test
    void aPlanNamesWhatATenantMaySend() {
        HttpAnswer plan = server.send("PUT", "/v1/tenants/" + acme.id() + "/plan", TestServer.ADMIN_KEY,
                "{\"permitted\": {\"sms\": [\"transactional\"]}, \"sends_per_minute\": 60}");
        assertThat(plan.status()).as("%s", plan).isEqualTo(200);
        HttpAnswer tenant = server.get("/v1/tenants/" + acme.id(), TestServer.ADMIN_KEY);
        assertThat(tenant.body()).contains("transactional");
        HttpAnswer badPurpose = server.send("PUT", "/v1/tenants/" + acme.id() + "/plan", TestServer.ADMIN_KEY,
                "{\"permitted\": {\"sms\": [\"spam\"]}}");
        assertThat(badPurpose.status()).isEqualTo(400);
        assertThat(badPurpose.body()).contains("permitted");
        assertThat(server.send("PUT", "/v1/tenants/ten_nobody/plan", TestServer.ADMIN_KEY, "{\"sends_per_minute\": 1}").status())
                .isEqualTo(404);
    }
}
