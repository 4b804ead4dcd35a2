package org.consentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's curl examples work as written: the test runs its "Try it" block with bash against a real
 * server, changing only the port (the test cannot count on 8080 being free).
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");

    @TempDir
    Path directory;

    @Test
    void theCurlExamplesWorkAsWritten() throws Exception {
        String script = tryItBlock(Files.readString(README, StandardCharsets.UTF_8));
        assertThat(script).contains("localhost:8080");
        try (ServerProcess server = ServerProcess.start(directory.resolve("data"))) {
            Path file = directory.resolve("try-it.sh");
            Files.writeString(file, "set -eu\n" + script.replace("localhost:8080", "localhost:" + server.port()));
            Process bash = new ProcessBuilder("bash", file.toString()).directory(directory.toFile()).redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(bash.exitValue()).as(output).isZero();

            assertThat(output).contains("\"api_key\":\"csk_").contains("\"status\":\"verified\"").contains("\"status\":\"active\"");
            int allowed = output.indexOf("\"decision\":\"allow\"");
            int optedOut = output.indexOf("\"action\":\"opt_out\"");
            int blocked = output.indexOf("\"decision\":\"block\"");
            assertThat(allowed).as(output).isPositive();
            assertThat(optedOut).isGreaterThan(allowed);
            assertThat(blocked).isGreaterThan(optedOut);
            assertThat(output.substring(blocked)).contains("\"code\":\"OPTED_OUT\"").contains("\"code\":\"CONSENT_REVOKED\"");
            int form = output.indexOf("/optin/frm_");
            assertThat(form).as(output).isGreaterThan(blocked);
            assertThat(output.substring(form)).contains("\"suppressed\":true");
        }
    }

    @Test
    void theReadmeStartsWithTheTwoCommands() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String firstBlock = readme.substring(readme.indexOf("```sh") + 5, readme.indexOf("```", readme.indexOf("```sh") + 5));
        assertThat(firstBlock.lines().filter(line -> !line.isBlank()).map(line -> line.replaceAll("\\s+#.*", "").strip()))
                .containsExactly("./consentry serve", "./mvnw -B verify");
        assertThat(Files.readString(Path.of("..", ".ci", "run"))).contains("./mvnw -B verify");
    }

    private static String tryItBlock(String readme) {
        Matcher block = Pattern.compile("## Try it.*?```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has a 'Try it' shell block").isTrue();
        return block.group(1);
    }
}
