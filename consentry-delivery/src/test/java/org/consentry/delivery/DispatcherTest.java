package org.consentry.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.consentry.delivery.smtp.SmtpConnector;
import org.consentry.delivery.smtp.SmtpUrl;
import org.consentry.policy.Channel;
import org.consentry.policy.PolicyEngine;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;
import org.consentry.policy.rules.StandardRulebook;
import org.consentry.store.Store;
import org.consentry.store.outbox.MessageStatus;
import org.consentry.store.outbox.OutboxMessage;
import org.consentry.store.outbox.StatusEntry;
import org.consentry.store.testing.StoreFixture;
import org.consentry.tenant.SenderKind;
import org.consentry.tenant.TenantProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispatcher over a real store and a real SMTP server that is down, then up: attempts, backoff, giving up, and
 * what a restart finds.
 */
class DispatcherTest {

    @TempDir
    Path directory;

    private StoreFixture fixture;
    private TenantProfile acme;
    private int port;
    private GreenMail mail;
    private Dispatcher dispatcher;

    @BeforeEach
    void start() throws Exception {
        fixture = new StoreFixture(directory);
        String id = fixture.tenant("Acme").profile().id();
        fixture.store().tenants().registerSender(id, "acme.example", SenderKind.EMAIL_DOMAIN, true);
        acme = fixture.store().directory().tenant(id).orElseThrow();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        mail.stop();
        fixture.close();
    }

    private Sends sends(Store store) {
        return new Sends(store.facts(), new PolicyEngine(StandardRulebook.load()), store.recipientLocks(), store.outbox(), store.directory(),
                fixture.clock());
    }

    private Dispatcher dispatcher(Store store) {
        return dispatcher(store, SenderRates.load());
    }

    private Dispatcher dispatcher(Store store, SenderRates rates) {
        return new Dispatcher(store.outbox(), sends(store), List.of(new SmtpConnector(SmtpUrl.parse("smtp://127.0.0.1:" + port), 2,
                fixture.clock())), fixture.clock(), (from, to, body, at) -> { }, rates).start();
    }

    private String accept(Store store, String to) {
        String id = store.ids().next("msg");
        SendRequest receipt = new SendRequest(Channel.EMAIL, "Acme <news@acme.example>", to, Purpose.TRANSACTIONAL,
                "Acme: your receipt #123. 1 Main St, Miami FL 33101", "Receipt", Map.of(), fixture.clock().instant(), "US", null, false,
                false, false, null, null, true);
        Sends.Judged judged = sends(store).accept(acme, id, receipt, Sends.Key.NONE, ignored -> new byte[0]);
        assertThat(judged.verdict().reasons()).isEmpty();
        return id;
    }

    private OutboxMessage await(String id, Predicate<OutboxMessage> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        OutboxMessage message;
        do {
            dispatcher.wake();
            message = fixture.store().outbox().find(acme.id(), id).orElseThrow();
            if (until.test(message)) {
                return message;
            }
            sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("message " + id + " did not get there: " + message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aServerThatIsDownIsTriedAgainAfterABackoffAndTheMessageArrivesOnce() {
        dispatcher = dispatcher(fixture.store());
        String id = accept(fixture.store(), "ana@example.com");

        OutboxMessage waiting = await(id, message -> message.attempts() == 1);
        assertThat(waiting.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(waiting.dueAt()).isEqualTo(fixture.clock().instant().plus(Dispatcher.backoff(1)));

        mail.start();
        sleep(200);
        assertThat(fixture.store().outbox().find(acme.id(), id).orElseThrow().attempts()).as("not before its backoff").isEqualTo(1);
        fixture.clock().advance(Dispatcher.backoff(1));
        OutboxMessage sent = await(id, message -> message.status() == MessageStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(fixture.store().outbox().history(id)).extracting(StatusEntry::status).containsExactly(MessageStatus.QUEUED, MessageStatus.SENT);
    }

    @Test
    void aMessageNoAttemptDeliversFailsAfterTheLastAttempt() {
        dispatcher = dispatcher(fixture.store());
        String id = accept(fixture.store(), "ana@example.com");
        for (int attempt = 1; attempt < Dispatcher.MAX_ATTEMPTS; attempt++) {
            int done = attempt;
            await(id, message -> message.attempts() == done);
            fixture.clock().advance(Dispatcher.MAX_BACKOFF);
        }
        OutboxMessage failed = await(id, message -> message.status() == MessageStatus.FAILED);
        assertThat(failed.dueAt()).isNull();
        assertThat(fixture.store().outbox().history(id).get(1).detail()).contains("not delivered after " + Dispatcher.MAX_ATTEMPTS + " attempts");
    }

    @Test
    void aRecipientTheServerCannotTakeFailsAtOnce() {
        mail.start();
        dispatcher = dispatcher(fixture.store());
        String id = accept(fixture.store(), "ana@example.com");
        OutboxMessage sent = await(id, message -> message.status() == MessageStatus.SENT);
        assertThat(sent.providerId()).isNotBlank();

        String unreadable = fixture.store().ids().next("msg");
        fixture.store().outbox().accept(new org.consentry.store.outbox.Outbox.Accepted(unreadable, acme.id(), "ana@", new SendRequest(
                Channel.EMAIL, "news@acme.example", "ana@", Purpose.TRANSACTIONAL, "x", "x", Map.of(), fixture.clock().instant(), "US", null,
                false, false, false, null, null, true), MessageStatus.QUEUED, fixture.clock().instant(), true, fixture.clock().instant(), null,
                null, null, null), List.of());
        OutboxMessage failed = await(unreadable, message -> message.status() == MessageStatus.FAILED);
        assertThat(failed.attempts()).isZero();
        assertThat(fixture.store().outbox().history(unreadable).get(1).detail()).contains("not an email address");
    }

    @Test
    void aMessageQueuedBeforeARestartIsDeliveredAfterIt() {
        String id = accept(fixture.store(), "ana@example.com");
        Store reopened = fixture.reopen();
        mail.start();
        dispatcher = dispatcher(reopened);
        await(id, message -> message.status() == MessageStatus.SENT);
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void messagesOverTheirSendersRateWaitForItsNextSecondsAndAllGo() {
        mail.start();
        dispatcher = dispatcher(fixture.store(), SenderRates.load().with("email=1"));
        List<String> ids = List.of(accept(fixture.store(), "ana@example.com"), accept(fixture.store(), "bo@example.com"),
                accept(fixture.store(), "cy@example.com"));

        // taken together, the three get the sender's slots in no set order: one now, then a second apart
        List<OutboxMessage> settled = ids.stream().map(id -> await(id, message -> message.status() != MessageStatus.QUEUED)).toList();
        Instant start = fixture.clock().instant();
        assertThat(settled).filteredOn(message -> message.status() == MessageStatus.SENT).hasSize(1);
        List<OutboxMessage> waiting = settled.stream().filter(message -> message.status() == MessageStatus.DEFERRED).toList();
        assertThat(waiting).extracting(OutboxMessage::dueAt).containsExactlyInAnyOrder(start.plusSeconds(1), start.plusSeconds(2));
        assertThat(fixture.store().outbox().history(waiting.get(0).id()).get(1).detail()).contains("THROTTLED").contains("rate/email");
        assertThat(mail.getReceivedMessages()).hasSize(1);

        fixture.clock().advance(Duration.ofSeconds(1));
        OutboxMessage next = waiting.stream().filter(message -> message.dueAt().equals(start.plusSeconds(1))).findFirst().orElseThrow();
        await(next.id(), message -> message.status() == MessageStatus.SENT);
        assertThat(mail.getReceivedMessages()).hasSize(2);
        fixture.clock().advance(Duration.ofSeconds(1));
        for (String id : ids) {
            await(id, message -> message.status() == MessageStatus.SENT);
            assertThat(fixture.store().outbox().history(id)).extracting(StatusEntry::status).endsWith(MessageStatus.SENT);
        }
        assertThat(mail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void backoffDoublesUpToItsLongest() {
        assertThat(Dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Dispatcher.backoff(9)).isEqualTo(Duration.ofSeconds(512));
        assertThat(Dispatcher.backoff(10)).isEqualTo(Dispatcher.MAX_BACKOFF);
        assertThat(Dispatcher.backoff(64)).isEqualTo(Dispatcher.MAX_BACKOFF);
    }
}
