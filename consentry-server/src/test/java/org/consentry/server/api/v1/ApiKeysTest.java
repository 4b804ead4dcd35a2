package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** A tenant replaces a leaked key without a gap: a second key issued, the first revoked, which then opens nothing. */
class ApiKeysTest extends ServerWithAcme {

    private JsonNode keys(String key) {
        HttpAnswer answer = server.get("/v1/api-keys", key);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("keys");
    }

    @Test
    void aKeyIsReplacedWithoutAGapAndTheRevokedOneOpensNothing() {
        JsonNode before = keys(acme.key());
        assertThat(before).hasSize(1);
        assertThat(before.get(0).get("current").asBoolean()).isTrue();
        assertThat(before.get(0).has("api_key")).as("no secret is ever listed").isFalse();
        String oldId = before.get(0).get("key_id").asText();

        HttpAnswer issued = server.post("/v1/api-keys", acme.key(), null);
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.headers().firstValue("Cache-Control")).contains("no-store");
        String newKey = issued.text("/api_key");
        String newId = issued.text("/key_id");
        assertThat(newKey).isNotEqualTo(acme.key());

        assertThat(server.get("/v1/settings", acme.key()).status()).as("the old key still opens, until revoked").isEqualTo(200);
        assertThat(server.get("/v1/settings", newKey).status()).isEqualTo(200);
        JsonNode both = keys(newKey);
        assertThat(both.findValuesAsText("key_id")).containsExactly(oldId, newId);
        assertThat(both.get(1).get("current").asBoolean()).as("the key of the request").isTrue();
        assertThat(both.get(0).get("current").asBoolean()).isFalse();

        HttpAnswer revoked = server.send("DELETE", "/v1/api-keys/" + oldId, newKey, null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.text("/key_id")).isEqualTo(oldId);
        HttpAnswer refused = server.get("/v1/settings", acme.key());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
        assertThat(keys(newKey).findValuesAsText("key_id")).containsExactly(newId);

        server.close();
        server = new TestServer(directory, clock);
        assertThat(server.get("/v1/settings", acme.key()).status()).as("revoked for good: the ledger says so").isEqualTo(401);
        assertThat(server.get("/v1/settings", newKey).status()).isEqualTo(200);
    }

    @Test
    void theLastKeyIsNotRevokedAndAnotherTenantsKeyIsNotFound() {
        String onlyId = keys(acme.key()).get(0).get("key_id").asText();
        HttpAnswer last = server.send("DELETE", "/v1/api-keys/" + onlyId, acme.key(), null);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.text("/errors/0/field")).isEqualTo("key_id");
        assertThat(server.get("/v1/settings", acme.key()).status()).isEqualTo(200);

        TestServer.Tenant other = server.tenant("Other");
        server.post("/v1/api-keys", other.key(), null);
        String othersId = keys(other.key()).get(0).get("key_id").asText();
        assertThat(server.send("DELETE", "/v1/api-keys/" + othersId, acme.key(), null).status()).as("not Acme's").isEqualTo(404);
        assertThat(server.send("DELETE", "/v1/api-keys/key_nothing", acme.key(), null).status()).isEqualTo(404);
        assertThat(server.get("/v1/settings", other.key()).status()).isEqualTo(200);
    }

    @Test
    void theAdminIssuesAKeyForATenantAndABodyMayHoldNothing() {
        HttpAnswer issued = server.post("/v1/api-keys", TestServer.ADMIN_KEY, "{}", "Consentry-Tenant", acme.id());
        assertThat(issued.status()).isEqualTo(201);
        assertThat(server.get("/v1/settings", issued.text("/api_key")).status()).isEqualTo(200);
        HttpAnswer member = server.post("/v1/api-keys", acme.key(), "{\"name\": \"ci\"}");
        assertThat(member.status()).isEqualTo(400);
        assertThat(member.text("/errors/0/field")).isEqualTo("name");
        assertThat(keys(acme.key())).as("nothing issued by a refused request").hasSize(2);
    }
}
