package org.consentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code consentry serve} as a separate operating-system process, the way users run it. */
final class ServerProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path stdout;
    private final Path stderr;

    private ServerProcess(Process process, int port, Path stdout, Path stderr) {
        this.process = process;
        this.port = port;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts {@code consentry serve} on a free port with {@code data} as its folder and waits until /health answers. */
    static ServerProcess start(Path data, String... extraArgs) throws Exception {
        return start(List.of(), data, extraArgs);
    }

    /**
     * As above, with the files the process writes limited to {@code kilobytes} each (a soft limit, {@code ulimit -S -f}:
     * a disk that fills up), which {@link #liftFileSizeLimit} lifts. Needs a shell with ulimit.
     */
    static ServerProcess startWithFileSizeLimit(Path data, long kilobytes) throws Exception {
        return start(List.of("/bin/sh", "-c", "ulimit -S -f " + kilobytes + " && exec \"$0\" \"$@\""), data);
    }

    /** The disk has room again: the process's file size limit is lifted ({@code prlimit}). */
    void liftFileSizeLimit() throws Exception {
        Process prlimit = new ProcessBuilder("prlimit", "--pid", String.valueOf(process.pid()), "--fsize=unlimited:unlimited")
                .redirectErrorStream(true).start();
        String output = new String(prlimit.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!prlimit.waitFor(10, TimeUnit.SECONDS) || prlimit.exitValue() != 0) {
            throw new AssertionError("prlimit failed: " + output);
        }
    }

    private static ServerProcess start(List<String> prefix, Path data, String... extraArgs) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(javaBinary(), "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", String.valueOf(port), "--data", data.toString()));
        command.addAll(List.of(extraArgs));
        Files.createDirectories(data);
        Path stdout = Files.createTempFile(data.getParent(), "stdout", ".txt");
        Path stderr = Files.createTempFile(data.getParent(), "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().remove("CONSENTRY_ADMIN_KEY");
        builder.environment().remove("CONSENTRY_STORE");
        ServerProcess server = new ServerProcess(builder.start(), port, stdout, stderr);
        server.awaitHealthy();
        return server;
    }

    static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String stdout() throws IOException {
        return Files.readString(stdout);
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    private void awaitHealthy() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("consentry serve exited with " + process.exitValue() + ": " + stderr());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("consentry serve did not answer /health within 60 s: " + stderr());
    }

    /** An answer: its status, its JSON body and its headers. */
    record Answer(int status, JsonNode json, java.net.http.HttpHeaders headers) {
    }

    /** POSTs a JSON body with a bearer key, and {@code headers} as name, value pairs. */
    Answer post(String path, String key, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()), response.headers());
    }

    /** GETs a JSON answer, with a bearer key unless {@code key} is null. */
    JsonNode get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return JSON.readTree(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
