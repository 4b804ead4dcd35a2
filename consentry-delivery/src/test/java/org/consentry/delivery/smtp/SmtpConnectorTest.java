package org.consentry.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.consentry.delivery.Delivery;
import org.consentry.delivery.Outbound;
import org.consentry.policy.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP connector's contract, against a real SMTP server (GreenMail) that requires a login. */
class SmtpConnectorTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay@consentry.test", "relay", "s3cr:t@"));

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T16:00:00Z"), ZoneOffset.UTC);

    private SmtpConnector connector(String userInfo) {
        return new SmtpConnector(SmtpUrl.parse("smtp://" + userInfo + "127.0.0.1:" + MAIL.getSmtp().getPort()), 2, CLOCK);
    }

    private static Outbound email(String id, String to, Map<String, String> headers) {
        return new Outbound(id, "ten_1", Channel.EMAIL, "Acme <news@acme.example>", to, "Your receipt — №123",
                "Acme: your receipt #123.\nThank you, Zoë.", headers, CLOCK.instant());
    }

    @Test
    void aMessageArrivesAsWrittenWithItsMessageIdDateAndHeaders() throws Exception {
        try (SmtpConnector smtp = connector("relay:s3cr%3At%40@")) {
            Delivery delivery = smtp.send(email("msg_1", "ana@example.com", Map.of("List-Unsubscribe", "<https://acme.example/u/1>",
                    "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))).join();
            assertThat(delivery).isInstanceOf(Delivery.Accepted.class);
        }
        MimeMessage received = MAIL.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo("<msg_1@acme.example>");
        assertThat(received.getSentDate().toInstant()).isEqualTo(CLOCK.instant());
        assertThat(received.getFrom()[0].toString()).isEqualTo("Acme <news@acme.example>");
        assertThat(received.getSubject()).isEqualTo("Your receipt — №123");
        assertThat(received.getContent().toString()).isEqualTo("Acme: your receipt #123.\r\nThank you, Zoë.");
        assertThat(received.getHeader("List-Unsubscribe")).containsExactly("<https://acme.example/u/1>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void manyMessagesShareTheConnectionsAndEachArrivesOnce() {
        List<CompletableFuture<Delivery>> sent = new ArrayList<>();
        try (SmtpConnector smtp = connector("relay:s3cr%3At%40@")) {
            for (int i = 0; i < 50; i++) {
                sent.add(smtp.send(email("msg_" + i, "user" + i + "@example.com", Map.of())));
            }
            assertThat(sent).allSatisfy(delivery -> assertThat(delivery.join()).isInstanceOf(Delivery.Accepted.class));
        }
        assertThat(MAIL.getReceivedMessages()).hasSize(50);
    }

    @Test
    void aWrongPasswordIsTriedAgainLaterNotGivenUp() {
        try (SmtpConnector smtp = connector("relay:wrong@")) {
            Delivery delivery = smtp.send(email("msg_1", "ana@example.com", Map.of())).join();
            assertThat(delivery).isInstanceOf(Delivery.Unavailable.class);
        }
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatDoesNotAnswerIsTriedAgainLater() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (SmtpConnector smtp = new SmtpConnector(SmtpUrl.parse("smtp://127.0.0.1:" + closedPort), 1, CLOCK)) {
            Delivery delivery = smtp.send(email("msg_1", "ana@example.com", Map.of())).join();
            assertThat(delivery).isInstanceOf(Delivery.Unavailable.class);
            assertThat(((Delivery.Unavailable) delivery).reason()).contains("not reached");
        }
    }

    @Test
    void anAddressThatIsNotOneIsRejectedForGood() {
        try (SmtpConnector smtp = connector("relay:s3cr%3At%40@")) {
            Delivery delivery = smtp.send(email("msg_1", "not an address", Map.of())).join();
            assertThat(delivery).isInstanceOf(Delivery.Rejected.class);
        }
    }

    @Test
    void theQueueIdIsReadFromTheServersAnswer() {
        assertThat(SmtpConnector.queueId("250 2.0.0 Ok: queued as 4C1F2A0B3 ")).isEqualTo("4C1F2A0B3");
        assertThat(SmtpConnector.queueId("250 OK")).isEqualTo("250 OK");
        assertThat(SmtpConnector.queueId(null)).isNull();
    }
}
