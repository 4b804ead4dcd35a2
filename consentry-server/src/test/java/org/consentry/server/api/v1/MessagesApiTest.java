package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/messages} and {@code GET /v1/messages/{id}} over HTTP, delivering email to a real SMTP server
 * (GreenMail) running in the test: what is accepted, kept, delivered, checked again, and answered once per key.
 */
class MessagesApiTest extends ServerWithMail {

    private static final String RECEIPT = """
            {"channel": "email", "from": "Acme <news@acme.example>", "to": "%s", "purpose": "transactional",
             "subject": "Your receipt", "body": "Acme: your receipt #123. 1 Main St, Miami FL 33101"%s}""";

    private HttpAnswer send(String to, String more, String... headers) {
        return server.post("/v1/messages", acme.key(), RECEIPT.formatted(to, more), headers);
    }

    @Test
    void anAllowedEmailIsQueuedThenSentToTheSmtpServerWithItsOwnMessageId() throws Exception {
        HttpAnswer accepted = send("ana@example.com", ", \"headers\": {\"X-Campaign\": \"receipts\"}");

        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.text("/id");
        assertThat(id).startsWith("msg_");
        assertThat(accepted.text("/status")).isEqualTo("queued");
        assertThat(accepted.text("/verdict/decision")).isEqualTo("allow");
        JsonNode sent = awaitStatus(id, "sent");
        assertThat(sent.at("/history").findValuesAsText("status")).containsExactly("queued", "sent");
        assertThat(sent.at("/history/1/detail/connector").asText()).isEqualTo("smtp");
        assertThat(sent.at("/to").asText()).isEqualTo("ana@example.com");

        assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = MAIL.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Your receipt");
        assertThat(received.getMessageID()).isEqualTo("<" + id + "@acme.example>");
        assertThat(received.getHeader("X-Campaign")).containsExactly("receipts");
        assertThat(received.getSentDate()).isNotNull();
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
        assertThat(received.getContent().toString()).contains("your receipt #123");
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndNoSecondMessageEvenAfterARestart() throws Exception {
        HttpAnswer first = send("ana@example.com", "", "Idempotency-Key", "order-123-receipt");
        awaitStatus(first.text("/id"), "sent");

        HttpAnswer retry = send("ana@example.com", "", "Idempotency-Key", "order-123-receipt");
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.body()).isEqualTo(first.body());

        restart();
        HttpAnswer afterRestart = send("ana@example.com", "", "Idempotency-Key", "order-123-receipt");
        assertThat(afterRestart.body()).isEqualTo(first.body());

        HttpAnswer otherBody = send("bo@example.com", "", "Idempotency-Key", "order-123-receipt");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.body()).contains("Idempotency-Key");

        sleep(300); // time for a second delivery, were there one
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aKeyIsKeptForADayThenNamesANewMessage() {
        HttpAnswer first = send("ana@example.com", "", "Idempotency-Key", "k-1");
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        HttpAnswer dayLater = send("ana@example.com", "", "Idempotency-Key", "k-1");
        assertThat(dayLater.status()).isEqualTo(202);
        assertThat(dayLater.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(dayLater.text("/id")).isNotEqualTo(first.text("/id"));
        assertThat(send("ana@example.com", "", "Idempotency-Key", "k-1").text("/id")).isEqualTo(dayLater.text("/id"));
    }

    @Test
    void aScheduledMessageIsCheckedAgainWhenDueAndAnOptOutMeanwhileBlocksIt() {
        HttpAnswer accepted = send("ana@example.com", ", \"send_at\": \"2026-03-14T18:00:00Z\"");
        assertThat(accepted.text("/status")).isEqualTo("queued");
        String id = accepted.text("/id");

        assertThat(server.post("/v1/opt-outs", acme.key(), "{\"address\": \"ana@example.com\", \"channel\": \"email\"}").status())
                .isEqualTo(201);
        clock.set(java.time.Instant.parse("2026-03-14T18:00:00Z"));
        server.server().wakeDispatcher();

        JsonNode blocked = awaitStatus(id, "blocked");
        assertThat(blocked.at("/history").findValuesAsText("status")).containsExactly("queued", "blocked");
        assertThat(blocked.at("/history/1/detail/reasons").findValuesAsText("code")).contains("OPTED_OUT");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aScheduledMessageStillLawfulWhenDueIsSentThen() {
        String id = send("ana@example.com", ", \"send_at\": \"2026-03-14T18:00:00Z\"").text("/id");
        server.server().wakeDispatcher();
        sleep(300);
        assertThat(server.get("/v1/messages/" + id, acme.key()).text("/status")).as("not before its time").isEqualTo("queued");
        assertThat(MAIL.getReceivedMessages()).isEmpty();

        clock.set(java.time.Instant.parse("2026-03-14T18:00:01Z"));
        server.server().wakeDispatcher();
        awaitStatus(id, "sent");
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aBlockedMessageIsKeptWithItsReasonsAndNeverSent() {
        HttpAnswer blocked = server.post("/v1/messages", acme.key(), """
                {"channel": "email", "from": "Acme <news@acme.example>", "to": "ana@example.com", "purpose": "marketing",
                 "subject": "Sale", "body": "Acme: 20% off today."}""");
        assertThat(blocked.status()).isEqualTo(202);
        assertThat(blocked.text("/status")).isEqualTo("blocked");
        assertThat(blocked.json().at("/verdict/reasons").findValuesAsText("code")).contains("CONSENT_MISSING");

        JsonNode message = server.get("/v1/messages/" + blocked.text("/id"), acme.key()).json();
        assertThat(message.at("/status").asText()).isEqualTo("blocked");
        assertThat(message.at("/history/0/detail/reasons").findValuesAsText("code")).contains("CONSENT_MISSING");
        sleep(300);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aChannelNoConnectorDeliversIsRefusedNamingTheField() {
        HttpAnswer sms = server.post("/v1/messages", acme.key(), """
                {"channel": "sms", "from": "+18005550199", "to": "+13055550100", "purpose": "transactional", "body": "Acme: your code is 123456"}""");
        assertThat(sms.status()).isEqualTo(422);
        assertThat(sms.isProblem()).isTrue();
        assertThat(sms.json().at("/errors/0/field").asText()).isEqualTo("channel");
    }

    @Test
    void headersTheGatewayWritesOrThatSpanLinesAreRefused() {
        HttpAnswer own = send("ana@example.com", ", \"headers\": {\"Message-ID\": \"<x@y>\"}");
        assertThat(own.status()).isEqualTo(400);
        assertThat(own.json().at("/errors/0/field").asText()).isEqualTo("headers.Message-ID");

        HttpAnswer injected = send("ana@example.com", ", \"headers\": {\"X-Note\": \"a\\r\\nBcc: eve@example.com\"}");
        assertThat(injected.status()).isEqualTo(400);
        assertThat(injected.json().at("/errors/0/field").asText()).isEqualTo("headers.X-Note");
    }

    @Test
    void aBulkSendersMarketingGetsTheOneClickHeadersWhenItAsksForThemAndTheLinkUnsubscribes() throws Exception {
        restart(new org.consentry.server.ServerConfig("127.0.0.1", 0, "https://consentry.example", null, null, null, null));
        assertThat(server.send("PUT", "/v1/settings", acme.key(), "{\"auto_append_opt_out\": true, \"email_daily_volume\": 20000}")
                .status()).isEqualTo(200);
        assertThat(server.post("/v1/consents", acme.key(), """
                {"address": "ana@example.com", "channel": "email", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-03-01T15:00:00Z", "confirmed": true, "ip": "203.0.113.7", "source_url": "https://acme.example/join",
                 "disclosure_text": "Send me Acme's offers by email."}""").status()).isEqualTo(201);
        HttpAnswer accepted = server.post("/v1/messages", acme.key(), """
                {"channel": "email", "from": "Acme <news@acme.example>", "to": "Ana@Example.com", "purpose": "marketing",
                 "subject": "Spring sale", "campaign": "spring",
                 "body": "Acme: 20% off this week. Unsubscribe: https://acme.example/unsubscribe - Acme, 1 Main St, Miami FL 33101"}""");
        assertThat(accepted.text("/status")).as(accepted.body()).isEqualTo("queued");
        awaitStatus(accepted.text("/id"), "sent");

        MimeMessage received = MAIL.getReceivedMessages()[0];
        String link = received.getHeader("List-Unsubscribe")[0];
        assertThat(link).startsWith("<https://consentry.example/u/");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String url = link.substring(1, link.indexOf('>'));
        assertThat(server.send("POST", java.net.URI.create(url).getPath(), null, "List-Unsubscribe=One-Click",
                "Content-Type", "application/x-www-form-urlencoded").status()).isEqualTo(200);
        HttpAnswer again = server.post("/v1/messages", acme.key(), """
                {"channel": "email", "from": "Acme <news@acme.example>", "to": "ana@example.com", "purpose": "marketing",
                 "subject": "Last days", "campaign": "spring",
                 "body": "Acme: last days of 20% off. Unsubscribe: https://acme.example/unsubscribe - Acme, 1 Main St, Miami FL 33101"}""");
        assertThat(again.text("/status")).isEqualTo("blocked");
    }

    @Test
    void aMessageIsSeenOnlyByItsTenant() {
        String id = send("ana@example.com", "").text("/id");
        TestServer.Tenant globex = server.tenant("Globex");
        assertThat(server.get("/v1/messages/" + id, globex.key()).status()).isEqualTo(404);
        assertThat(server.get("/v1/messages/msg_unknown", acme.key()).status()).isEqualTo(404);
    }

    @Test
    void anErasedPersonsWaitingMessageGoesAndIsNeverSent() {
        String id = send("ana@example.com", ", \"send_at\": \"2026-03-14T18:00:00Z\"").text("/id");
        assertThat(server.send("DELETE", "/v1/contacts/ana@example.com", acme.key(), null).status()).isEqualTo(200);
        assertThat(server.get("/v1/messages/" + id, acme.key()).status()).isEqualTo(404);

        clock.set(java.time.Instant.parse("2026-03-14T18:00:01Z"));
        server.server().wakeDispatcher();
        sleep(300);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }
}
