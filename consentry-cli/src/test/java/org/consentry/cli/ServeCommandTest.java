package org.consentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @TempDir
    Path directory;

    @Test
    void theFirstStartPrintsTheAdminKeyOnceAndKeepsItOwnerOnly() throws Exception {
        Path data = directory.resolve("data");
        String key;
        try (ServerProcess server = ServerProcess.start(data)) {
            assertThat(server.stdout()).contains("Admin key (shown once").contains("listening on http://127.0.0.1:" + server.port());
            Path file = data.resolve(ServeCommand.ADMIN_KEY_FILE);
            key = Files.readString(file).strip();
            assertThat(key).startsWith("csa_");
            assertThat(server.stdout()).contains(key);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        Files.delete(data.resolve(ServeCommand.ADMIN_KEY_FILE));
        try (ServerProcess again = ServerProcess.start(data)) {
            assertThat(again.stdout()).doesNotContain("Admin key");
            assertThat(data.resolve(ServeCommand.ADMIN_KEY_FILE)).doesNotExist();
        }
    }

    @Test
    void aFirstStartThatCannotKeepTheAdminKeyStoresNoneSoTheNextStartMakesOne() throws Exception {
        Path data = directory.resolve("data");
        Path keyFile = data.resolve(ServeCommand.ADMIN_KEY_FILE);
        Files.createDirectories(keyFile.resolve("in-the-way")); // the key file cannot be written
        Process first = new ProcessBuilder(ServerProcess.javaBinary(), "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", String.valueOf(ServerProcess.freePort()),
                "--data", data.toString()).redirectErrorStream(true).start();
        try {
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the start fails").isTrue();
            assertThat(first.exitValue()).isNotZero();
        } finally {
            first.destroyForcibly();
        }
        Files.delete(keyFile.resolve("in-the-way"));
        Files.delete(keyFile);
        // had the key's hash been stored, no start would ever make or show an admin key again: the provider locked out
        try (ServerProcess next = ServerProcess.start(data)) {
            assertThat(next.stdout()).contains("Admin key (shown once");
            String key = Files.readString(keyFile).strip();
            var client = java.net.http.HttpClient.newHttpClient();
            var answer = client.send(java.net.http.HttpRequest.newBuilder(next.uri("/v1/tenants/ten_x"))
                    .header("Authorization", "Bearer " + key).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("authenticated, and the tenant does not exist").isEqualTo(404);
        }
    }

    @Test
    void aConfiguredAdminKeyIsUsedAndNothingIsPrinted() throws Exception {
        try (ServerProcess server = ServerProcess.start(directory.resolve("data"), "--admin-key", "csa_configured_key_0123456789")) {
            assertThat(server.stdout()).doesNotContain("Admin key");
            var client = java.net.http.HttpClient.newHttpClient();
            var answer = client.send(java.net.http.HttpRequest.newBuilder(server.uri("/v1/tenants/ten_x"))
                    .header("Authorization", "Bearer csa_configured_key_0123456789").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("authenticated, and the tenant does not exist").isEqualTo(404);
        }
    }

    @Test
    void aSecondServerOnTheSameDataFolderIsRefusedAndTheFirstKeepsServing() throws Exception {
        Path data = directory.resolve("data");
        try (ServerProcess first = ServerProcess.start(data)) {
            // a second process would replay the ledger once and never see the first one's opt-outs: it would allow sends to
            // people who opted out, and each one's appends would collide with the other's chain
            Process second = new ProcessBuilder(ServerProcess.javaBinary(), "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", String.valueOf(ServerProcess.freePort()),
                    "--data", data.toString()).redirectErrorStream(true).start();
            try {
                assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second server exits").isTrue();
                String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(second.exitValue()).isEqualTo(1);
                assertThat(output).contains("is in use by another Consentry process").doesNotContain("listening").doesNotContain("\tat ");
            } finally {
                second.destroyForcibly();
            }
            var client = java.net.http.HttpClient.newHttpClient();
            var health = client.send(java.net.http.HttpRequest.newBuilder(first.uri("/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
        try (ServerProcess next = ServerProcess.start(data)) {
            assertThat(next.stdout()).as("the folder is free again once the first has stopped").contains("listening");
        }
    }

    @Test
    void aStoreThisVersionCannotUseIsRefusedRatherThanIgnored() throws Exception {
        Process process = new ProcessBuilder(ServerProcess.javaBinary(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--data", directory.toString(), "--store", "postgresql://127.0.0.1/test")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("CONSENTRY_STORE");
    }

    @Test
    void aBadSoftBounceLimitIsAUsageErrorNamingTheOption() {
        assertThat(usageError("--soft-bounce-limit", "3/0d")).contains("Invalid value for option '--soft-bounce-limit'")
                .contains("window of 1 to 90 days");
    }

    @Test
    void aTrustedProxyThatIsNotAnAddressIsAUsageErrorNamingTheOption() {
        assertThat(usageError("--trusted-proxies", "10.0.0.0/8,lb.example")).contains("Invalid value for option '--trusted-proxies'")
                .contains("'lb.example' is not an IP address");
    }

    @Test
    void aStoreFileThatIsNotADatabaseIsRefusedInOneLineNamingIt() throws Exception {
        byte[] junk = new byte[100_000];
        new java.util.Random(7).nextBytes(junk);
        Path file = Files.write(directory.resolve("consentry.db"), junk);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream was = System.err;
        int status;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            status = new picocli.CommandLine(new Main()).execute("serve", "--data", directory.toString(), "--port", "0", "--admin-key", "csa_x");
        } finally {
            System.setErr(was);
        }
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("consentry: cannot open " + file.toAbsolutePath())
                .contains("not a database").contains("nothing was changed").doesNotContain("\tat ");
        assertThat(Files.readAllBytes(file)).as("left as it was").isEqualTo(junk);
    }

    /** What {@code serve} with these options prints on its error stream; it must exit with 2, a usage error, starting nothing. */
    private String usageError(String... options) {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine command = new picocli.CommandLine(new Main());
        command.setErr(new java.io.PrintWriter(err));
        List<String> args = new java.util.ArrayList<>(List.of("serve", "--data", directory.toString()));
        args.addAll(List.of(options));
        assertThat(command.execute(args.toArray(String[]::new))).isEqualTo(2);
        return err.toString();
    }
}
