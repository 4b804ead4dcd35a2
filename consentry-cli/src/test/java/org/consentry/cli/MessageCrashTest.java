package org.consentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.consentry.delivery.smpp.Submitted;
import org.consentry.delivery.smpp.TestSmsc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing accepted is lost or sent twice: messages are accepted for an SMTP server and an SMSC (real peers, in the
 * test), the server is killed with SIGKILL while texts wait at the SMSC for its answer and emails wait for an SMTP
 * server that went away, and after a restart every accepted message reaches its peer exactly once. Every peer's
 * acceptance is kept ('sent') before the kill: the window where a message taken by its peer but not yet marked sent
 * would go again after a restart (README, "Sending") is shown closed, not hit.
 */
class MessageCrashTest {

    private static final int EMAILS = 40;
    private static final int TEXTS = 40;
    private static final String SENDER = "+18005550199";
    /** How long after their acceptance the scheduled emails are due: after the restart. */
    private static final long LATER_SECONDS = 20;

    @TempDir
    Path directory;

    private final Map<String, String> emailIds = new ConcurrentHashMap<>();
    private final Map<String, String> textIds = new ConcurrentHashMap<>();

    @Test
    void everyAcceptedMessageReachesItsPeerExactlyOnceThoughTheServerIsKilledMidDelivery() throws Exception {
        Path data = directory.resolve("data");
        int smtpPort = ServerProcess.freePort();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try (TestSmsc smsc = new TestSmsc("acme", "secret")) {
            String[] delivery = {"--smtp-url", "smtp://127.0.0.1:" + smtpPort, "--smtp-connections", "2",
                    "--smpp-url", smsc.url("acme", "secret") + "?window=5", "--sender-rates", "toll_free=0"};
            String key;
            try (ServerProcess server = ServerProcess.start(data, delivery)) {
                key = tenantWithConsents(server, data);
                // half the emails go now, half are scheduled for after the restart
                accept(server, key, "email", EMAILS, emailIds, Instant.now().plusSeconds(LATER_SECONDS));
                smsc.delayResponses(Duration.ofMillis(200)); // 25 texts a second through a window of 5: delivery trails acceptance
                accept(server, key, "text", TEXTS, textIds, null);

                // the SMSC stops answering; once every acceptance the peers gave is kept as sent, and texts wait at the SMSC
                // for an answer, the server dies
                smsc.holdAnswers();
                await(() -> sent(server, key, textIds) == smsc.accepted().size() && sent(server, key, emailIds) == mail.getReceivedMessages().length
                        && mail.getReceivedMessages().length == EMAILS / 2 && smsc.outstanding() > 0, () -> "every acceptance kept (texts "
                        + sent(server, key, textIds) + " of " + smsc.accepted().size() + ", emails " + sent(server, key, emailIds) + " of "
                        + mail.getReceivedMessages().length + "), and texts held at the SMSC (" + smsc.outstanding() + ")");
                server.kill();
            }
            assertThat(smsc.accepted()).as("the kill came mid-delivery").hasSizeLessThan(TEXTS);
            assertThat(mail.getReceivedMessages()).as("the kill came mid-delivery").hasSize(EMAILS / 2);
            smsc.delayResponses(Duration.ZERO);
            smsc.releaseAnswers();
            try (ServerProcess server = ServerProcess.start(data, delivery)) {
                ServerProcess.Answer retry = server.post("/v1/messages", key, text(7), "Idempotency-Key", "text-7");
                assertThat(retry.json().get("id").asText()).as("a retry after the restart").isEqualTo(textIds.get("text-7"));
                assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
                await(() -> sent(server, key, textIds) == TEXTS && sent(server, key, emailIds) == EMAILS, () -> "every message sent");
            }
            assertThat(countBy(smsc.accepted().stream().map(Submitted::text).toList()))
                    .as("each text taken by the SMSC once").hasSize(TEXTS).allSatisfy((text, times) -> assertThat(times).isOne());
            List<String> messageIds = new ArrayList<>();
            for (MimeMessage email : mail.getReceivedMessages()) {
                messageIds.add(messageId(email));
            }
            assertThat(countBy(messageIds)).as("each email received once").hasSize(EMAILS).allSatisfy((id, times) -> assertThat(times).isOne());
            assertThat(messageIds).allSatisfy(id -> assertThat(emailIds.values()).anySatisfy(msg -> assertThat(id).startsWith("<" + msg + "@")));
        } finally {
            mail.stop();
        }
    }

    private static String tenantWithConsents(ServerProcess server, Path data) throws Exception {
        String admin = Files.readString(data.resolve(ServeCommand.ADMIN_KEY_FILE)).strip();
        JsonNode tenant = server.post("/v1/tenants", admin, "{\"name\": \"Acme Inc.\", \"brand\": \"Acme\", \"industry\": \"retail\","
                + " \"country\": \"US\", \"postal_address\": \"1 Main St, Miami FL 33101\"}").json();
        String id = tenant.get("id").asText();
        assertThat(server.post("/v1/tenants/" + id + "/senders", admin, "{\"address\": \"" + SENDER + "\", \"kind\": \"phone\", \"verified\": true}")
                .status()).isEqualTo(201);
        assertThat(server.post("/v1/tenants/" + id + "/senders", admin, "{\"address\": \"acme.example\", \"kind\": \"email_domain\", \"verified\": true}")
                .status()).isEqualTo(201);
        String key = tenant.get("api_key").asText();
        for (int i = 0; i < TEXTS; i++) {
            assertThat(server.post("/v1/consents", key, "{\"address\": \"" + handset(i) + "\", \"channel\": \"sms\", \"purpose\": \"transactional\","
                    + " \"method\": \"web_form\", \"captured_at\": \"2026-01-10T15:00:00Z\", \"confirmed\": true,"
                    + " \"disclosure_text\": \"Acme sends order texts to this number.\"}").status()).isEqualTo(201);
        }
        return key;
    }

    private static String handset(int i) {
        return String.format("+130555501%02d", i);
    }

    private static String text(int i) {
        return "{\"channel\": \"sms\", \"from\": \"" + SENDER + "\", \"to\": \"" + handset(i) + "\", \"purpose\": \"transactional\","
                + " \"body\": \"Acme: order " + i + " ships today\"}";
    }

    private static String email(int i, Instant sendAt) {
        return "{\"channel\": \"email\", \"from\": \"Acme <news@acme.example>\", \"to\": \"user" + i + "@example.com\","
                + " \"purpose\": \"transactional\", \"subject\": \"Your receipt\", \"body\": \"Acme: your receipt #" + i
                + ". 1 Main St, Miami FL 33101\"" + (sendAt == null ? "" : ", \"send_at\": \"" + sendAt + "\"") + "}";
    }

    /**
     * Posts {@code count} messages from four clients, each with its key, keeping the ids the 202s gave; with {@code later},
     * the odd ones are scheduled then.
     */
    private static void accept(ServerProcess server, String key, String kind, int count, Map<String, String> ids, Instant later)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                posts.add(clients.submit(() -> {
                    ServerProcess.Answer answer = server.post("/v1/messages", key, kind.equals("text") ? text(n)
                                    : email(n, later != null && n % 2 == 1 ? later : null),
                            "Idempotency-Key", kind + "-" + n);
                    assertThat(answer.status()).as(answer.json().toString()).isEqualTo(202);
                    assertThat(answer.json().get("status").asText()).as(answer.json().toString()).isEqualTo("queued");
                    ids.put(kind + "-" + n, answer.json().get("id").asText());
                    return null;
                }));
            }
            for (Future<?> post : posts) {
                post.get();
            }
        } finally {
            clients.shutdown();
        }
    }

    /** How many of the messages are sent (or further). */
    private static int sent(ServerProcess server, String key, Map<String, String> ids) {
        int sent = 0;
        for (String id : ids.values()) {
            try {
                String status = server.get("/v1/messages/" + id, key).get("status").asText();
                if (status.equals("sent") || status.equals("delivered")) {
                    sent++;
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return sent;
    }

    private static Map<String, Long> countBy(List<String> values) {
        return values.stream().collect(Collectors.groupingBy(value -> value, TreeMap::new, Collectors.counting()));
    }

    private static String messageId(MimeMessage email) {
        try {
            return email.getMessageID();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute for: " + what.get());
            }
            Thread.sleep(50);
        }
    }
}
