package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.consentry.delivery.smtp.SmtpConnector;
import org.consentry.delivery.smtp.SmtpUrl;
import org.consentry.server.ServerConfig;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What message tests start from: {@link ServerWithAcme}, delivering email to a real SMTP server (GreenMail) running in
 * the test, with acme.example as Acme's verified email domain.
 */
abstract class ServerWithMail extends ServerWithAcme {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @BeforeEach
    void deliverThroughTheTestSmtpServer() {
        restart();
        assertThat(server.post("/v1/tenants/" + acme.id() + "/senders", TestServer.ADMIN_KEY,
                "{\"address\": \"acme.example\", \"kind\": \"email_domain\", \"verified\": true}").status()).isEqualTo(201);
    }

    /** The server on the same folder again, delivering to the test's SMTP server. */
    void restart() {
        restart(new ServerConfig("127.0.0.1", 0));
    }

    /** As above, with that configuration. */
    void restart(ServerConfig config) {
        server.close();
        SmtpUrl url = SmtpUrl.parse("smtp://127.0.0.1:" + MAIL.getSmtp().getPort());
        server = new TestServer(directory, clock, config, List.of(new SmtpConnector(url, 2, Clock.systemUTC())));
    }

    /** The message once its status is {@code status}, waiting for the dispatcher at most ten seconds. */
    JsonNode awaitStatus(String id, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode message;
        do {
            message = server.get("/v1/messages/" + id, acme.key()).json();
            if (message.at("/status").asText().equals(status)) {
                return message;
            }
            sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("message " + id + " did not become " + status + ": " + message);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
