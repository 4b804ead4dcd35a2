package org.consentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.consentry.store.testing.MutableClock;
import org.consentry.store.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code consentry evidence verify} on bundles from a real server: a genuine bundle verifies with the key of
 * {@code GET /v1/keys}; an altered one fails, naming the first event at fault.
 */
class EvidenceVerifyTest {

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(StoreFixture.START);
    private final ObjectMapper json = new ObjectMapper();
    private TestServer server;
    private TestServer.Tenant acme;

    @BeforeEach
    void start() {
        server = new TestServer(directory.resolve("store"), clock);
        acme = server.tenantWithSender("Acme");
        server.post("/v1/consents", acme.key(), """
                {"address": "+13055550100", "channel": "sms", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7",
                 "disclosure_text": "By checking this box you agree to receive up to 4 marketing texts a month.", "frequency": "4/month"}""");
        server.post("/v1/inbound/sms", acme.key(), "{\"from\": \"+13055550100\", \"to\": \"+18005550199\", \"body\": \"STOP\"}");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Run(int status, String out, String err) {
    }

    private Run verify(Path bundle, String key) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Main());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int status = command.execute("evidence", "verify", bundle.toString(), "--key", key);
        return new Run(status, out.toString(), err.toString());
    }

    private Path bundle(String name, String body) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, body);
        return file;
    }

    private Path keysFile() throws Exception {
        HttpAnswer keys = server.get("/v1/keys", null);
        assertThat(keys.status()).isEqualTo(200);
        return bundle("keys.json", keys.body());
    }

    @Test
    void aGenuineBundleVerifiesOffline() throws Exception {
        HttpAnswer evidence = server.get("/v1/evidence?address=%2B13055550100", acme.key());
        assertThat(evidence.json().at("/signature/algorithm").asText()).isEqualTo("Ed25519");
        Path file = bundle("bundle.json", evidence.body());
        Run run = verify(file, keysFile().toString());
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("verified: 3 events about +13055550100");

        String base64 = server.get("/v1/keys", null).json().at("/keys/0/public_key").asText();
        assertThat(verify(file, base64).status()).as("the key given as text").isZero();
    }

    @Test
    void anAlteredEventFailsAndIsNamed() throws Exception {
        ObjectNode bundle = (ObjectNode) json.readTree(server.get("/v1/evidence?address=%2B13055550100", acme.key()).body());
        ((ObjectNode) bundle.at("/events/0/event")).put("disclosure_text", "By checking this box you agree to receive marketing.");
        Run run = verify(bundle("altered.json", json.writeValueAsString(bundle)), keysFile().toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED at event " + bundle.at("/events/0/seq").asLong()).contains("was changed");
    }

    @Test
    void aRemovedEventOrAChangedAddressBreaksTheSignature() throws Exception {
        ObjectNode bundle = (ObjectNode) json.readTree(server.get("/v1/evidence?address=%2B13055550100", acme.key()).body());
        ObjectNode withoutOptOut = bundle.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) withoutOptOut.get("events")).remove(1);
        Run removed = verify(bundle("removed.json", json.writeValueAsString(withoutOptOut)), keysFile().toString());
        assertThat(removed.status()).isEqualTo(1);
        assertThat(removed.out()).contains("FAILED");

        ObjectNode otherAddress = bundle.deepCopy();
        otherAddress.put("address", "+13055550199");
        Run changed = verify(bundle("changed.json", json.writeValueAsString(otherAddress)), keysFile().toString());
        assertThat(changed.status()).isEqualTo(1);
        assertThat(changed.out()).contains("signature does not match");
    }

    /**
     * Text the signature does not cover: a field given twice inside an event (a reader sees the first, the parser kept
     * the last), an empty events list before the real one, a second document after the bundle. Each fails.
     */
    @Test
    void aFieldGivenTwiceOrASecondDocumentFails() throws Exception {
        String genuine = server.get("/v1/evidence?address=%2B13055550100", acme.key()).body();
        String key = keysFile().toString();
        int at = genuine.indexOf("\"event\":{") + "\"event\":{".length();
        String forgedField = genuine.substring(0, at) + "\"disclosure_text\":\"nothing\"," + genuine.substring(at);
        String forgedList = "{\"events\":[]," + genuine.substring(1);
        String appended = genuine + "\n{\"address\": \"+13055550199\"}";
        for (String altered : java.util.List.of(forgedField, forgedList, appended)) {
            Run run = verify(bundle("twice.json", altered), key);
            assertThat(run.status()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("FAILED: the bundle is not one JSON document naming each field once");
        }
    }

    @Test
    void anotherServersKeyDoesNotVerify() throws Exception {
        Path file = bundle("bundle.json", server.get("/v1/evidence?address=%2B13055550100", acme.key()).body());
        String otherKey = java.util.Base64.getEncoder().encodeToString(
                org.consentry.evidence.EvidenceSignature.keyPair(new byte[32]).getPublic().getEncoded());
        assertThat(verify(file, otherKey).status()).isEqualTo(1);
        String otherServersKeys = "{\"keys\": [{\"key_id\": \"k_other\", \"public_key\": \"" + otherKey + "\"}]}";
        Run notTrusted = verify(file, bundle("other-keys.json", otherServersKeys).toString());
        assertThat(notTrusted.status()).as("a keys file without the bundle's key: it does not verify").isEqualTo(1);
        assertThat(notTrusted.out()).contains("FAILED").contains("which the keys file does not hold");
    }

    @Test
    void anUnreadableBundleOrKeyIsExitTwo() throws Exception {
        assertThat(verify(bundle("junk.json", "not json"), keysFile().toString()).status()).isEqualTo(2);
        Path file = bundle("bundle.json", server.get("/v1/evidence?address=%2B13055550100", acme.key()).body());
        Run badKey = verify(file, "not-a-key");
        assertThat(badKey.status()).isEqualTo(2);
        assertThat(badKey.err()).contains("cannot read the key");
    }

    @Test
    void theKeySurvivesARestart() throws Exception {
        String before = server.get("/v1/keys", null).json().at("/keys/0/public_key").asText();
        server.close();
        server = new TestServer(directory.resolve("store"), clock);
        assertThat(server.get("/v1/keys", null).json().at("/keys/0/public_key").asText()).isEqualTo(before);
    }
}
