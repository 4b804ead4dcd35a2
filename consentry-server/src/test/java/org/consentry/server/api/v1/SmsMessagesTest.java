package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.consentry.delivery.smpp.SmppConnector;
import org.consentry.delivery.smpp.SmppUrl;
import org.consentry.delivery.smpp.Submitted;
import org.consentry.delivery.smpp.TestSmsc;
import org.consentry.server.ServerConfig;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Texts through a real SMPP peer (the test SMSC): sent, delivered by its receipt, and a handset's STOP heard through the
 * SMSC opting out at once, confirmed by one text, and blocking what was waiting.
 */
class SmsMessagesTest extends ServerWithAcme {

    private static final String HANDSET = "+13055550100";
    private static final String ACME = "+18005550199";

    private TestSmsc smsc;

    @BeforeEach
    void deliverThroughTheTestSmsc() throws Exception {
        smsc = new TestSmsc("acme", "secret");
        server.close();
        SmppConnector smpp = new SmppConnector(SmppUrl.parse(smsc.url("acme", "secret")), clock);
        server = new TestServer(directory, clock, new ServerConfig("127.0.0.1", 0), List.of(smpp));
        await(smsc::hasBoundSession, "the connector binds");
        HttpAnswer consent = server.post("/v1/consents", acme.key(), """
                {"address": "%s", "channel": "sms", "purpose": "transactional", "method": "web_form",
                 "captured_at": "2026-03-01T15:00:00Z", "confirmed": true, "ip": "203.0.113.7", "user_agent": "Mozilla/5.0",
                 "source_url": "https://acme.example/account", "disclosure_text": "Acme sends order and account texts to this number."}"""
                .formatted(HANDSET));
        assertThat(consent.status()).isEqualTo(201);
    }

    @AfterEach
    void stopSmsc() throws Exception {
        server.close();
        smsc.close();
    }

    private HttpAnswer text(String body, String more) {
        return server.post("/v1/messages", acme.key(), """
                {"channel": "sms", "from": "%s", "to": "%s", "purpose": "transactional", "body": "%s"%s}""".formatted(ACME, HANDSET, body, more));
    }

    private JsonNode message(String id) {
        return server.get("/v1/messages/" + id, acme.key()).json();
    }

    private void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited ten seconds for: " + what);
            }
            server.server().wakeDispatcher();
            ServerWithMail.sleep(20);
        }
    }

    @Test
    void aTextIsSentToTheSmscAndItsReceiptMakesItDelivered() throws Exception {
        String id = text("Acme: your code is 123456", "").text("/id");
        await(() -> message(id).at("/status").asText().equals("sent"), "sent");

        Submitted submitted = smsc.accepted().get(0);
        assertThat(submitted.text()).isEqualTo("Acme: your code is 123456");
        assertThat(submitted.destination()).isEqualTo("13055550100");
        assertThat(message(id).at("/provider_id").asText()).isEqualTo(submitted.messageId());

        smsc.receipt(submitted.messageId(), DeliveryReceiptState.DELIVRD);
        await(() -> message(id).at("/status").asText().equals("delivered"), "delivered");
        JsonNode delivered = message(id);
        assertThat(delivered.at("/history").findValuesAsText("status")).containsExactly("queued", "sent", "delivered");
        assertThat(delivered.at("/history/2/detail/receipt").asText()).contains("DELIVRD");
    }

    @Test
    void anUndeliverableReceiptMakesItFailed() throws Exception {
        String id = text("Acme: your code is 654321", "").text("/id");
        await(() -> message(id).at("/status").asText().equals("sent"), "sent");
        smsc.receipt(smsc.accepted().get(0).messageId(), DeliveryReceiptState.UNDELIV);
        await(() -> message(id).at("/status").asText().equals("failed"), "failed");
    }

    @Test
    void aStopFromTheHandsetOptsOutAtOnceIsConfirmedOnceAndBlocksWhatWaits() throws Exception {
        String waiting = text("Acme: your order ships tomorrow", ", \"send_at\": \"2026-03-14T18:00:00Z\"").text("/id");

        smsc.handsetSends(HANDSET, ACME, "STOP");
        await(() -> smsc.accepted().size() == 1, "the confirmation text");
        Submitted confirmation = smsc.accepted().get(0);
        assertThat(confirmation.destination()).isEqualTo("13055550100");
        assertThat(confirmation.source()).isEqualTo("18005550199");
        assertThat(confirmation.text()).containsIgnoringCase("unsubscribed");

        HttpAnswer check = server.post("/v1/checks", acme.key(), """
                {"channel": "sms", "from": "%s", "to": "%s", "purpose": "transactional", "body": "Acme: hi"}""".formatted(ACME, HANDSET));
        assertThat(check.json().at("/reasons").findValuesAsText("code")).contains("OPTED_OUT");

        clock.set(java.time.Instant.parse("2026-03-14T18:00:00Z"));
        await(() -> message(waiting).at("/status").asText().equals("blocked"), "the waiting text blocked");
        assertThat(smsc.accepted()).hasSize(1);
    }
}
