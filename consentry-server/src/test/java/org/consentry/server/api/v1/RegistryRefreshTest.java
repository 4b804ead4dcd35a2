package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.consentry.registry.RegistryFiles;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.consentry.store.Store;
import org.consentry.store.registry.RegistryImport;
import org.consentry.store.registry.RegistrySnapshots;
import org.consentry.store.testing.MutableClock;
import org.consentry.store.testing.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running server takes into force the registry copy another process imported into its data folder, without a restart. */
class RegistryRefreshTest {

    @TempDir
    Path directory;

    @Test
    void aCopyImportedBesideARunningServerIsEnforcedWithinSeconds() throws Exception {
        try (TestServer server = new TestServer(directory, new MutableClock(StoreFixture.START))) {
            TestServer.Tenant acme = server.tenantWithSender("Acme");
            String check = """
                    {"channel": "sms", "from": "+18005550199", "to": "+13055550123", "purpose": "marketing",
                     "body": "Acme: spring sale, 20% off today. Reply STOP to opt out."}""";
            assertThat(server.post("/v1/checks", acme.key(), check).body()).doesNotContain("DNC_NATIONAL");

            Path file = Files.writeString(directory.resolve("national.txt"), "305,5550123\n");
            RegistrySnapshots.open(directory.resolve(Store.REGISTRIES)).importFiles("national", RegistryFiles.Kind.FULL,
                    Instant.parse("2026-03-10T00:00:00Z"), 0, List.of(file), RegistryImport.Progress.NONE, StoreFixture.START);

            HttpAnswer answer = null;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline) {
                answer = server.post("/v1/checks", acme.key(), check);
                if (answer.body().contains("DNC_NATIONAL")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(answer.body()).as("the new copy is in force").contains("DNC_NATIONAL").contains("\"decision\":\"block\"");
        }
    }

    @Test
    void aCopyThatCannotBeReadFailsTheHealthCheckSoThatMonitoringSeesIt() throws Exception {
        Path file = Files.writeString(directory.resolve("national.txt"), "305,5550123\n");
        RegistrySnapshots.open(directory.resolve(Store.REGISTRIES)).importFiles("national", RegistryFiles.Kind.FULL,
                Instant.parse("2026-03-10T00:00:00Z"), 0, List.of(file), RegistryImport.Progress.NONE, StoreFixture.START);
        try (TestServer server = new TestServer(directory, new MutableClock(StoreFixture.START))) {
            server.store().registries().awaitChecks(); // until then the list is unknown: /health says "checking"
            assertThat(server.get("/health", null).text("/registries")).isEqualTo("ok");
        }
        Files.writeString(directory.resolve(Store.REGISTRIES).resolve("national.dnc"), "garbage");
        try (TestServer server = new TestServer(directory, new MutableClock(StoreFixture.START))) {
            HttpAnswer health = server.get("/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.text("/status")).isEqualTo("failing");
            assertThat(health.text("/ledger")).isEqualTo("ok");
            assertThat(health.text("/registries")).startsWith("failing: national cannot be read");
        }
    }
}
