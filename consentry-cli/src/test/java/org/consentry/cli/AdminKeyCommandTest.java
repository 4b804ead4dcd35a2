package org.consentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin key that leaked is replaced with the server stopped; the old one opens nothing once it starts again. */
class AdminKeyCommandTest {

    private static final String TENANT = "{\"name\": \"Acme Inc.\", \"brand\": \"Acme\", \"industry\": \"retail\", \"country\": \"US\","
            + " \"postal_address\": \"1 Main St\"}";

    @TempDir
    Path directory;

    @Test
    void theAdminKeyIsReplacedWithTheServerStopped() throws Exception {
        Path data = directory.resolve("data");
        String old;
        try (ServerProcess server = ServerProcess.start(data)) {
            old = Files.readString(data.resolve(ServeCommand.ADMIN_KEY_FILE)).strip();
            RegistryAndScrubCommandsTest.Run refused = RegistryAndScrubCommandsTest.run("admin-key", "replace", "--data", data.toString());
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err()).contains("stop the server");
            assertThat(server.post("/v1/tenants", old, TENANT).status()).as("nothing replaced").isEqualTo(201);
        }

        RegistryAndScrubCommandsTest.Run replaced = RegistryAndScrubCommandsTest.run("admin-key", "replace", "--data", data.toString());
        assertThat(replaced.status()).as(replaced.err()).isZero();
        String fresh = Files.readString(data.resolve(ServeCommand.ADMIN_KEY_FILE)).strip();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(replaced.out()).contains(fresh);

        try (ServerProcess server = ServerProcess.start(data)) {
            assertThat(server.stdout()).as("no other key is made at start").doesNotContain("Admin key");
            assertThat(server.post("/v1/tenants", old, TENANT).status()).isEqualTo(401);
            assertThat(server.post("/v1/tenants", fresh, TENANT).status()).isEqualTo(201);
        }
    }

    @Test
    void aFolderThatIsNoStoreIsNamed() {
        RegistryAndScrubCommandsTest.Run missing = RegistryAndScrubCommandsTest.run("admin-key", "replace", "--data",
                directory.resolve("nothing").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("is not a data folder");
    }
}
