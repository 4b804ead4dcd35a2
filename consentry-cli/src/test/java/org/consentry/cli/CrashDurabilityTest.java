package org.consentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: opt-outs are recorded from several clients at full speed, the server is
 * killed with SIGKILL mid-stream and restarted, and every opt-out that got a 2xx is there, still blocks,
 * and the tenant's hash chain verifies. Each was sent with an Idempotency-Key: retried after the restart, an
 * acknowledged one gets its first answer again and writes nothing, and one cut off by the kill is either run (it had
 * not begun) or refused as of unknown outcome (409), never run twice.
 */
class CrashDurabilityTest {

    private static final int CLIENTS = 6;
    private static final int ACKS_BEFORE_KILL = 600;

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedOptOutSurvivesAKillAndStillBlocks() throws Exception {
        Path data = directory.resolve("data");
        String admin;
        String tenantKey;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> cutOff = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        try (ServerProcess server = ServerProcess.start(data)) {
            admin = Files.readString(data.resolve(ServeCommand.ADMIN_KEY_FILE)).strip();
            JsonNode tenant = server.post("/v1/tenants", admin, "{\"name\": \"Acme Inc.\", \"brand\": \"Acme\", \"industry\": \"retail\","
                    + " \"country\": \"US\", \"postal_address\": \"1 Main St\"}").json();
            tenantKey = tenant.get("api_key").asText();
            String key = tenantKey;

            CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientNumber = c;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 100_000; i++) {
                        String number = String.format("+1305%03d%04d", 200 + clientNumber, i);
                        try {
                            ServerProcess.Answer answer = server.post("/v1/opt-outs", key, "{\"address\": \"" + number + "\", \"channel\": \"sms\"}",
                                    "Idempotency-Key", "opt-out-" + number);
                            if (answer.status() / 100 == 2) {
                                acknowledged.add(number);
                                enough.countDown();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            cutOff.add(number);
                            return;
                        }
                    }
                });
                thread.start();
                clients.add(thread);
            }
            enough.await();
            server.kill();
            for (Thread thread : clients) {
                thread.join(30_000);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        assertThat(failures.get()).as("the clients were cut off by the kill").isPositive();

        try (ServerProcess restarted = ServerProcess.start(data)) {
            assertThat(restarted.stdout()).as("the admin key is printed on first start only").doesNotContain("Admin key");
            List<String> numbers = new ArrayList<>(acknowledged);
            for (int from = 0; from < numbers.size(); from += 1000) {
                List<String> slice = numbers.subList(from, Math.min(numbers.size(), from + 1000));
                StringBuilder items = new StringBuilder();
                for (String number : slice) {
                    items.append(items.length() == 0 ? "" : ",").append("{\"channel\": \"sms\", \"from\": \"+18005550199\", \"to\": \"")
                            .append(number).append("\", \"purpose\": \"transactional\"}");
                }
                JsonNode results = restarted.post("/v1/checks/batch", tenantKey, "{\"items\": [" + items + "]}").json().get("results");
                for (int i = 0; i < slice.size(); i++) {
                    assertThat(results.get(i).get("reasons").findValuesAsText("code")).as(slice.get(i)).contains("OPTED_OUT");
                }
            }
            JsonNode evidence = restarted.get("/v1/evidence?address=" + numbers.get(0).replace("+", "%2B"), tenantKey);
            assertThat(evidence.at("/chain/verified").asBoolean()).isTrue();
            assertThat(evidence.at("/chain/length").asLong()).isGreaterThanOrEqualTo(acknowledged.size() + 2L);
            assertThat(evidence.at("/events/0/type").asText()).isEqualTo("opt_out.recorded");

            long chain = evidence.at("/chain/length").asLong();
            for (String number : numbers.subList(0, Math.min(200, numbers.size()))) {
                ServerProcess.Answer retry = restarted.post("/v1/opt-outs", tenantKey, "{\"address\": \"" + number + "\", \"channel\": \"sms\"}",
                        "Idempotency-Key", "opt-out-" + number);
                assertThat(retry.status()).as(number).isEqualTo(201);
                assertThat(retry.headers().firstValue("Idempotent-Replayed")).as("the first answer, kept through the kill").contains("true");
            }
            assertThat(restarted.get("/v1/evidence?address=" + numbers.get(0).replace("+", "%2B"), tenantKey).at("/chain/length").asLong())
                    .as("the retries wrote nothing").isEqualTo(chain);
            for (String number : cutOff) {
                ServerProcess.Answer retry = restarted.post("/v1/opt-outs", tenantKey, "{\"address\": \"" + number + "\", \"channel\": \"sms\"}",
                        "Idempotency-Key", "opt-out-" + number);
                assertThat(retry.status()).as("%s: run, answered again, or of unknown outcome", number).isIn(201, 409);
            }
        }
    }

}
