package org.consentry.store.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.consentry.ledger.LedgerEvent;
import org.consentry.policy.SendRequest;

/**
 * Messages accepted for delivery, from acceptance to their last status. Every write is durable before it returns, and
 * goes with the ledger events it implies in one transaction: a message allowed at once is kept with the send that
 * counts it, or neither is; a message checked again later is counted when it is committed, in the same transaction.
 * Implementations: {@code SqliteOutbox} (embedded).
 */
public interface Outbox {

    /** How long the first answer to a message's {@code Idempotency-Key} is given again. */
    Duration KEY_KEPT = Duration.ofHours(24);

    /** A message as it enters the outbox, with its first status and the answer its request got. */
    record Accepted(String id, String tenant, String address, SendRequest request, MessageStatus status, Instant dueAt,
                    boolean committed, Instant at, String detail, String idempotencyKey, byte[] fingerprint, byte[] answer) {
    }

    /** The first answer given for a key, and the fingerprint of the request it answered. */
    record KeptAnswer(String messageId, byte[] fingerprint, byte[] answer, Instant at) {
    }

    /**
     * A change to a waiting message.
     *
     * @param status    its new status, or null when it keeps its status (a connector that could not take it now)
     * @param dueAt     when it is next due, or null when it waits for nothing more
     * @param committed the request to be delivered, when the change commits it (its send is among the events); else null
     * @param attempts  its count of failed attempts from now on
     */
    record Change(MessageStatus status, Instant at, Instant dueAt, String detail, SendRequest committed, int attempts, String providerId) {
    }

    /** Keeps a new message, with the ledger events of its acceptance (its send, when it was committed at once). */
    void accept(Accepted message, List<LedgerEvent> events);

    /** Changes a message, with the ledger events of the change (its send, when the change commits it). */
    void change(OutboxMessage message, Change change, List<LedgerEvent> events);

    /** The answer kept for a tenant's key within {@link #KEY_KEPT} of {@code now}, if any. */
    Optional<KeptAnswer> answerFor(String tenant, String key, Instant now);

    /** Messages due at {@code now}, the longest due first. */
    List<OutboxMessage> due(Instant now, int limit);

    /** A tenant's message, if it has one of that id. */
    Optional<OutboxMessage> find(String tenant, String id);

    /** The message a connector's peer named {@code providerId} when it took it, if any. */
    Optional<OutboxMessage> byProviderId(String providerId);

    /** A message's statuses, oldest first. */
    List<StatusEntry> history(String id);

    /** Statuses due to be posted to their tenant's status webhook at {@code now}, the longest due first. */
    List<StatusNotice> noticesDue(Instant now, int limit);

    /** A notice posted, or given up: it is not due any more. */
    void noticeDone(StatusNotice notice);

    /** A notice whose post failed: due again at {@code dueAt}. */
    void noticeLater(StatusNotice notice, Instant dueAt);

    /**
     * Forgets a person (erasure): their messages, waiting or not, and their histories go. Nothing waiting for them is
     * delivered afterwards.
     *
     * @return how many messages went
     */
    int forget(String tenant, String address);
}
