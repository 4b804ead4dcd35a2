package org.consentry.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.consentry.content.MessageContent;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.SendCommitted;
import org.consentry.policy.Decision;
import org.consentry.policy.PolicyEngine;
import org.consentry.policy.Reason;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.policy.Verdict;
import org.consentry.store.facts.LedgerFacts;
import org.consentry.store.ledger.RecipientLocks;
import org.consentry.store.outbox.MessageStatus;
import org.consentry.store.outbox.Outbox;
import org.consentry.store.outbox.OutboxMessage;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.tenant.TenantProfile;

/**
 * Judges messages and keeps what was decided in the outbox: a new message when it is accepted, and a waiting one when
 * it is due. An allowed message is judged again under its recipient's lock (and its tenant's, when the plan limits
 * the tenant's rate) and committed there, with the send that counts it, so that two messages cannot both be the one
 * a cap or the duplicate window allowed.
 */
public final class Sends {

    /**
     * The reasons a committed message's own send gives when it is judged again before another attempt: it was counted
     * when it was committed, so it would otherwise find itself over a cap, a duplicate of itself, or over the rate.
     */
    static final Set<ReasonCode> COUNTED_ONCE = EnumSet.of(ReasonCode.FREQUENCY_CAP, ReasonCode.DUPLICATE_CONTENT, ReasonCode.THROTTLED);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerFacts facts;
    private final PolicyEngine engine;
    private final RecipientLocks locks;
    private final Outbox outbox;
    private final TenantDirectory tenants;
    private final Clock clock;

    public Sends(LedgerFacts facts, PolicyEngine engine, RecipientLocks locks, Outbox outbox, TenantDirectory tenants, Clock clock) {
        this.facts = facts;
        this.engine = engine;
        this.locks = locks;
        this.outbox = outbox;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** A message judged: the request as it would be sent, the verdict, the recipient as the ledger names them. */
    public record Judged(String id, SendRequest request, Verdict verdict, String address, MessageContent content) {

        /** Its status, were it kept now: allowed is queued (whenever it is to go), deferred waits, blocked is final. */
        public MessageStatus status() {
            return switch (verdict.decision()) {
                case ALLOW -> MessageStatus.QUEUED;
                case DEFER -> MessageStatus.DEFERRED;
                case BLOCK -> MessageStatus.BLOCKED;
            };
        }
    }

    /** A new message's key and the request's fingerprint, kept with it so that a retry gets its first answer. */
    public record Key(String idempotencyKey, byte[] fingerprint) {
        public static final Key NONE = new Key(null, null);
    }

    /**
     * Judges a new message and keeps it, durably, before it returns: allowed and due now, it is committed (it counts) and
     * queued; allowed for a later {@code send_at}, queued to be judged again then; deferred, kept until its
     * {@code not_before}; blocked, kept with its verdict.
     *
     * @param answer the answer to give for it, made from the final judgement, kept with it for retries when it has a key
     */
    public Judged accept(TenantProfile tenant, String id, SendRequest asked, Key key, Function<Judged, byte[]> answer) {
        Instant now = clock.instant();
        SendRequest request = asked.sendAt().isBefore(now) ? asked.at(now) : asked; // a message goes now at the earliest
        boolean later = request.sendAt().isAfter(now);
        Judged judged = judge(tenant, id, request);
        if (!judged.verdict().allowed() || later) {
            Instant due = judged.verdict().allowed() ? request.sendAt() : judged.verdict().notBefore();
            outbox.accept(new Outbox.Accepted(id, tenant.id(), judged.address(), request, judged.status(), due, false, now,
                    detail(judged.verdict()), key.idempotencyKey(), key.fingerprint(), kept(key, answer, judged)), List.of());
            return judged;
        }
        return underLocks(tenant, judged.address(), () -> {
            Judged again = judge(tenant, id, request); // with any send committed meanwhile
            boolean commit = again.verdict().allowed();
            outbox.accept(new Outbox.Accepted(id, tenant.id(), again.address(), commit ? again.request() : request, again.status(),
                    commit ? now : again.verdict().notBefore(), commit, now, commit ? null : detail(again.verdict()),
                    key.idempotencyKey(), key.fingerprint(), kept(key, answer, again)), commit ? sendOf(again) : List.of());
            return again;
        });
    }

    /** The answer kept with a message: only one sent with a key is asked for again. */
    private static byte[] kept(Key key, Function<Judged, byte[]> answer, Judged judged) {
        return key.idempotencyKey() == null ? null : answer.apply(judged);
    }

    /**
     * Judges a waiting message again, now, and keeps the outcome: the message as it now stands, or empty when it is
     * no longer to be sent (blocked, or gone). A committed message (an attempt failed, or it was deferred after it
     * was counted) is judged without the reasons its own send gives ({@link #COUNTED_ONCE}).
     */
    public Optional<OutboxMessage> recheck(OutboxMessage message) {
        Instant now = clock.instant();
        Optional<TenantProfile> tenant = tenants.tenant(message.tenant());
        if (tenant.isEmpty()) {
            outbox.change(message, new Outbox.Change(MessageStatus.BLOCKED, now, null, "{\"error\":\"the tenant no longer exists\"}",
                    null, message.attempts(), null), List.of());
            return Optional.empty();
        }
        SendRequest request = message.request().at(now);
        if (message.committed()) {
            Judged judged = judge(tenant.get(), message.id(), request);
            Verdict verdict = withoutOwnSend(judged.verdict());
            if (verdict.allowed()) {
                return Optional.of(message);
            }
            return keepUnsent(message, verdict, now);
        }
        Judged judged = judge(tenant.get(), message.id(), request);
        if (!judged.verdict().allowed()) {
            return keepUnsent(message, judged.verdict(), now);
        }
        return underLocks(tenant.get(), judged.address(), () -> {
            Judged again = judge(tenant.get(), message.id(), request);
            if (!again.verdict().allowed()) {
                return keepUnsent(message, again.verdict(), now);
            }
            boolean wasQueued = message.status() == MessageStatus.QUEUED;
            outbox.change(message, new Outbox.Change(wasQueued ? null : MessageStatus.QUEUED, now, now, null, again.request(),
                    message.attempts(), null), sendOf(again));
            return Optional.of(new OutboxMessage(message.id(), message.tenant(), message.address(), again.request(), MessageStatus.QUEUED,
                    now, true, message.attempts(), message.createdAt(), message.providerId()));
        });
    }

    private Optional<OutboxMessage> keepUnsent(OutboxMessage message, Verdict verdict, Instant now) {
        boolean defer = verdict.decision() == Decision.DEFER;
        outbox.change(message, new Outbox.Change(defer ? MessageStatus.DEFERRED : MessageStatus.BLOCKED, now, defer ? verdict.notBefore() : null,
                detail(verdict), null, message.attempts(), null), List.of());
        return Optional.empty();
    }

    /** The verdict without the reasons a counted send gives itself. */
    static Verdict withoutOwnSend(Verdict verdict) {
        List<Reason> kept = new ArrayList<>();
        for (Reason reason : verdict.reasons()) {
            if (!COUNTED_ONCE.contains(reason.code())) {
                kept.add(reason);
            }
        }
        if (kept.size() == verdict.reasons().size()) {
            return verdict;
        }
        boolean blocks = kept.stream().anyMatch(reason -> reason.effect() == org.consentry.policy.Effect.BLOCK);
        Decision decision = blocks ? Decision.BLOCK : kept.isEmpty() ? Decision.ALLOW : Decision.DEFER;
        return new Verdict(decision, decision == Decision.DEFER ? verdict.notBefore() : null, kept, verdict.notices());
    }

    private Judged judge(TenantProfile tenant, String id, SendRequest asked) {
        SendRequest request = facts.complete(tenant, asked);
        var resolved = facts.resolve(tenant, request);
        return new Judged(id, request, engine.evaluate(request, resolved), resolved.recipient().key(), resolved.content());
    }

    private static List<LedgerEvent> sendOf(Judged judged) {
        return List.of(SendCommitted.of(judged.id(), judged.address(), judged.request(), judged.content()));
    }

    private <T> T underLocks(TenantProfile tenant, String address, java.util.function.Supplier<T> action) {
        ReentrantLock rate = tenant.plan().sendsPerMinute() > 0 ? locks.ofTenant(tenant.id()) : null;
        if (rate != null) {
            rate.lock(); // before the recipient's, as every writer of committed sends takes them
        }
        ReentrantLock lock = locks.of(tenant.id(), address);
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
            if (rate != null) {
                rate.unlock();
            }
        }
    }

    /** What decided a status other than queued: the decision, its time, and each reason's code, rule and message. */
    static String detail(Verdict verdict) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", verdict.decision().wireName());
        if (verdict.notBefore() != null) {
            detail.put("not_before", verdict.notBefore().toString());
        }
        List<Map<String, Object>> reasons = new ArrayList<>();
        for (Reason reason : verdict.reasons()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("code", reason.code().name());
            json.put("rule", reason.rule());
            json.put("message", reason.message());
            reasons.add(json);
        }
        detail.put("reasons", reasons);
        return json(detail);
    }

    static String json(Map<String, Object> detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status detail could not be written", e);
        }
    }
}
