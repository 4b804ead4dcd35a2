package org.consentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up and then has room again: writes are refused (503) while it is full, every write refused is
 * absent after a restart (nothing half-written), and the server takes writes again, without a restart, once there is
 * room. SQLite rolls a transaction back by itself on an I/O error; the writer must not go on in autocommit.
 */
class DiskFullRecoveryTest {

    @TempDir
    Path directory;

    @Test
    void writesRefusedOnAFullDiskLeaveNothingAndTheServerWritesAgainOnceThereIsRoom() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")) || Files.isExecutable(Path.of("/bin/prlimit")),
                "prlimit (util-linux) is needed to give the disk room again");
        Path data = directory.resolve("data");
        String key;
        List<String> refused = new ArrayList<>();
        // the SQLite library is unpacked into a temporary file of about 1.1 MB at start: the limit leaves room for it
        try (ServerProcess server = ServerProcess.startWithFileSizeLimit(data, 3_000)) {
            String admin = Files.readString(data.resolve(ServeCommand.ADMIN_KEY_FILE)).strip();
            key = server.post("/v1/tenants", admin, "{\"name\": \"Acme Inc.\", \"brand\": \"Acme\", \"industry\": \"retail\","
                    + " \"country\": \"US\", \"postal_address\": \"1 Main St\"}").json().get("api_key").asText();
            for (int i = 0; i < 5_000 && refused.size() < 20; i++) {
                String number = String.format("+1305555%04d", i);
                int status = server.post("/v1/opt-outs", key, "{\"address\": \"" + number + "\", \"channel\": \"sms\"}").status();
                if (status == 503) {
                    refused.add(number);
                } else {
                    assertThat(status).as(number).isEqualTo(201);
                }
            }
            assertThat(refused).as("the disk filled up").hasSize(20);

            server.liftFileSizeLimit();
            // an opt-out of someone already known and one of someone new: both written now
            assertThat(server.post("/v1/opt-outs", key, "{\"address\": \"+13055550000\", \"channel\": \"voice\"}").status()).isEqualTo(201);
            assertThat(server.post("/v1/opt-outs", key, "{\"address\": \"+14155550000\", \"channel\": \"sms\"}").status()).isEqualTo(201);
            assertThat(server.get("/health", null).get("status").asText()).isEqualTo("ok");
            server.kill();
        }
        try (ServerProcess restarted = ServerProcess.start(data)) {
            for (String number : refused) {
                JsonNode evidence = restarted.get("/v1/evidence?address=" + number.replace("+", "%2B"), key);
                assertThat(evidence.get("events")).as(number + " was refused: nothing of it was written").isEmpty();
            }
            JsonNode evidence = restarted.get("/v1/evidence?address=%2B14155550000", key);
            assertThat(evidence.at("/chain/verified").asBoolean()).isTrue();
            assertThat(evidence.get("events")).hasSize(1);
        }
    }

}
