package org.consentry.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consentry.ledger.SendCommitted;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;
import org.consentry.store.ledger.StoreUnavailableException;
import org.consentry.store.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real SQLite file: what it keeps, with which ledger events, and across a restart. */
class SqliteOutboxTest {

    private static final Instant NOW = StoreFixture.START;

    @TempDir
    Path directory;

    private StoreFixture fixture;

    private StoreFixture fixture() {
        if (fixture == null) {
            fixture = new StoreFixture(directory);
        }
        return fixture;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static SendRequest receipt(String to) {
        return new SendRequest(Channel.EMAIL, "news@acme.example", to, Purpose.TRANSACTIONAL, "Your receipt #123", "Receipt",
                Map.of("X-Campaign", "receipts"), NOW, "US", null, false, false, false, null, null, true);
    }

    private static Outbox.Accepted queued(String id, String to, String key) {
        return new Outbox.Accepted(id, "ten_1", to, receipt(to), MessageStatus.QUEUED, NOW, true, NOW, null, key,
                key == null ? null : new byte[] {1, 2, 3}, key == null ? null : ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static SendCommitted sendOf(String id, String to) {
        return new SendCommitted(id, to, Channel.EMAIL, Purpose.TRANSACTIONAL, "news@acme.example", NOW, null, null, null, null, List.of());
    }

    private long sendsInLedger(String id) {
        long[] count = {0};
        fixture().store().ledger().replay(entry -> {
            if (entry.event() instanceof SendCommitted send && send.checkId().equals(id)) {
                count[0]++;
            }
        });
        return count[0];
    }

    @Test
    void anAcceptedMessageIsKeptWithTheSendThatCountsItAndSurvivesARestart() {
        Outbox outbox = fixture().store().outbox();
        outbox.accept(queued("msg_1", "ana@example.com", "key-1"), List.of(sendOf("msg_1", "ana@example.com")));

        Outbox reopened = fixture().reopen().outbox();
        OutboxMessage message = reopened.find("ten_1", "msg_1").orElseThrow();
        assertThat(message.request()).isEqualTo(receipt("ana@example.com"));
        assertThat(message.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(message.committed()).isTrue();
        assertThat(reopened.due(NOW, 10)).extracting(OutboxMessage::id).containsExactly("msg_1");
        assertThat(reopened.history("msg_1")).containsExactly(new StatusEntry(MessageStatus.QUEUED, NOW, null));
        assertThat(reopened.answerFor("ten_1", "key-1", NOW).orElseThrow().answer()).asString().isEqualTo("{\"id\":\"msg_1\"}");
        assertThat(sendsInLedger("msg_1")).isEqualTo(1);
    }

    @Test
    void aRowTheDatabaseRefusesRefusesItsEventsTooAndTheLedgerGoesOn() {
        Outbox outbox = fixture().store().outbox();
        outbox.accept(queued("msg_1", "ana@example.com", null), List.of());

        assertThatThrownBy(() -> outbox.accept(queued("msg_1", "bo@example.com", null), List.of(sendOf("msg_1", "bo@example.com"))))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(sendsInLedger("msg_1")).as("the send of the refused message was not kept").isZero();

        outbox.accept(queued("msg_2", "bo@example.com", null), List.of(sendOf("msg_2", "bo@example.com")));
        assertThat(fixture().store().ledger().healthy()).isTrue();
        assertThat(sendsInLedger("msg_2")).isEqualTo(1);
    }

    @Test
    void changesMoveTheStatusAndTheHistoryInOrder() {
        Outbox outbox = fixture().store().outbox();
        outbox.accept(new Outbox.Accepted("msg_1", "ten_1", "ana@example.com", receipt("ana@example.com"), MessageStatus.DEFERRED,
                NOW.plusSeconds(3_600), false, NOW, "{\"decision\":\"defer\"}", null, null, null), List.of());
        assertThat(outbox.due(NOW, 10)).isEmpty();
        OutboxMessage deferred = outbox.due(NOW.plusSeconds(3_600), 10).get(0);

        Instant later = NOW.plusSeconds(3_600);
        outbox.change(deferred, new Outbox.Change(MessageStatus.QUEUED, later, later, null, receipt("ana@example.com").at(later), 0, null),
                List.of(sendOf("msg_1", "ana@example.com")));
        OutboxMessage queued = outbox.find("ten_1", "msg_1").orElseThrow();
        assertThat(queued.committed()).isTrue();
        assertThat(queued.request().sendAt()).isEqualTo(later);

        outbox.change(queued, new Outbox.Change(null, later, later.plusSeconds(2), null, null, 1, null), List.of());
        assertThat(outbox.find("ten_1", "msg_1").orElseThrow().attempts()).isEqualTo(1);
        outbox.change(queued, new Outbox.Change(MessageStatus.SENT, later.plusSeconds(2), null, "{\"connector\":\"smtp\"}", null, 1, "Q1"),
                List.of());

        OutboxMessage sent = outbox.find("ten_1", "msg_1").orElseThrow();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.providerId()).isEqualTo("Q1");
        assertThat(sent.dueAt()).isNull();
        assertThat(outbox.history("msg_1")).extracting(StatusEntry::status)
                .containsExactly(MessageStatus.DEFERRED, MessageStatus.QUEUED, MessageStatus.SENT);
        assertThat(outbox.due(later.plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    void aKeysAnswerIsGivenForADayAndTheKeyMayThenNameAnotherMessage() {
        Outbox outbox = fixture().store().outbox();
        outbox.accept(queued("msg_1", "ana@example.com", "key-1"), List.of());
        assertThat(outbox.answerFor("ten_1", "key-1", NOW.plus(Duration.ofHours(24)).minusMillis(1))).isPresent();
        assertThat(outbox.answerFor("ten_1", "key-1", NOW.plus(Duration.ofHours(24)))).isEmpty();
        assertThat(outbox.answerFor("ten_2", "key-1", NOW)).as("another tenant's key").isEmpty();

        outbox.accept(queued("msg_2", "ana@example.com", "key-1"), List.of());
        assertThat(outbox.answerFor("ten_1", "key-1", NOW).orElseThrow().messageId()).isEqualTo("msg_2");
    }

    @Test
    void forgettingAPersonTakesTheirMessagesAndHistoriesOnly() {
        Outbox outbox = fixture().store().outbox();
        outbox.accept(queued("msg_1", "ana@example.com", null), List.of());
        outbox.accept(queued("msg_2", "bo@example.com", null), List.of());

        assertThat(outbox.forget("ten_1", "ana@example.com")).isEqualTo(1);
        assertThat(outbox.find("ten_1", "msg_1")).isEmpty();
        assertThat(outbox.history("msg_1")).isEmpty();
        assertThat(outbox.due(NOW, 10)).extracting(OutboxMessage::id).containsExactly("msg_2");
    }
}
