package org.consentry.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.consentry.policy.Channel;
import org.consentry.store.outbox.MessageStatus;
import org.consentry.store.outbox.Outbox;
import org.consentry.store.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's worker: takes the messages that are due, judges again those not yet committed ({@link Sends#recheck}),
 * hands the committed ones to their channel's connector, and keeps each connector's answer as the message's status:
 * sent, failed for good, or due again after a backoff. A message is worked on by one task at a time.
 *
 * <p>What survives a crash: every status is durable before the next step. A message whose connector took it but
 * whose {@code sent} was not yet written when the process died is handed over again after the restart: the one window
 * of duplicate delivery, as long as one write (a few milliseconds). An email carries the same Message-ID both times.
 */
public final class Dispatcher implements AutoCloseable {

    /** Attempts after which a message its connector cannot take is given up as failed. */
    static final int MAX_ATTEMPTS = 10;
    /** The longest wait between two attempts. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** How many messages are worked on at once (judged, or waiting for their connector). */
    static final int IN_FLIGHT = 256;
    /**
     * A committed message first attempted later than this after it was queued (the process was down, or busy) is
     * judged again before it goes: an opt-out or the quiet hours may have come meanwhile.
     */
    static final Duration FRESH = Duration.ofMinutes(1);
    /** How often the outbox is looked at when nothing woke the dispatcher. */
    static final Duration IDLE = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Outbox outbox;
    private final Sends sends;
    private final Map<Channel, Connector> connectors;
    private final Clock clock;
    private final Set<String> working = ConcurrentHashMap.newKeySet();
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final ExecutorService workers = Executors.newFixedThreadPool(16, runnable -> {
        Thread thread = new Thread(runnable, "consentry-dispatch");
        thread.setDaemon(true);
        return thread;
    });
    /** True when a message due now was left on disk for want of a slot. */
    private volatile boolean backlog;
    private final DuePoller poller;

    /** How long a receipt waits for the message it names to be marked sent (the peer may report before its answer is kept). */
    static final Duration RECEIPT_WAIT = Duration.ofSeconds(5);
    private static final long RECEIPT_RETRY_MILLIS = 100;

    private final ReplySink replies;
    private final Pacing pacing;
    private final java.util.concurrent.ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "consentry-receipts");
        thread.setDaemon(true);
        return thread;
    });

    /** Where recipients' messages heard by a connector go (the inbound reply path). */
    @FunctionalInterface
    public interface ReplySink {
        void reply(String from, String to, String body, Instant at);
    }

    public Dispatcher(Outbox outbox, Sends sends, List<Connector> connectors, Clock clock) {
        this(outbox, sends, connectors, clock, (from, to, body, at) -> log.warn("a reply from {} to {} was heard with nowhere to go", from, to),
                SenderRates.load());
    }

    /**
     * @param replies where texts from handsets heard by a connector go
     * @param rates   each kind of sender's messages a second; a message over its sender's rate waits (THROTTLED)
     */
    public Dispatcher(Outbox outbox, Sends sends, List<Connector> connectors, Clock clock, ReplySink replies, SenderRates rates) {
        this.replies = replies;
        this.pacing = new Pacing(rates);
        this.outbox = outbox;
        this.sends = sends;
        this.clock = clock;
        Map<Channel, Connector> byChannel = new LinkedHashMap<>();
        for (Connector connector : connectors) {
            for (Channel channel : connector.channels()) {
                byChannel.putIfAbsent(channel, connector);
            }
        }
        this.connectors = Map.copyOf(byChannel);
        this.poller = new DuePoller("consentry-dispatcher", IDLE, "the outbox", this::takeDue);
    }

    /** Starts taking due messages (those left by an earlier process first, as they are due). */
    public Dispatcher start() {
        Reports reports = new Reports() {
            @Override public void receipt(String connector, String providerId, Outcome outcome, String detail, Instant at) {
                receive(connector, providerId, outcome, detail, at, 0);
            }

            @Override public void reply(String from, String to, String body, Instant at) {
                try {
                    replies.reply(from, to, body, at);
                    wake(); // the reply the text called for, if any, is on disk: look for it now
                } catch (RuntimeException e) {
                    log.error("a reply from {} to {} could not be handled", from, to, e);
                }
            }
        };
        for (Connector connector : connectors.values().stream().distinct().toList()) {
            connector.start(reports);
        }
        poller.start();
        return this;
    }

    /**
     * A delivery receipt: the message it names becomes delivered or failed. A receipt may come before the peer's answer
     * to the submission is kept (the message not yet sent here): it is looked for again, for {@link #RECEIPT_WAIT}.
     */
    private void receive(String connector, String providerId, Reports.Outcome outcome, String detail, Instant at, int tries) {
        if (outcome == Reports.Outcome.PENDING || poller.closing()) {
            return;
        }
        try {
            Optional<OutboxMessage> found = outbox.byProviderId(providerId);
            if (found.isEmpty() || found.get().status() == MessageStatus.QUEUED) {
                if ((tries + 1) * RECEIPT_RETRY_MILLIS <= RECEIPT_WAIT.toMillis()) {
                    later.schedule(() -> receive(connector, providerId, outcome, detail, at, tries + 1), RECEIPT_RETRY_MILLIS,
                            TimeUnit.MILLISECONDS);
                } else {
                    log.info("a {} receipt names {}, which is no message sent here; it is dropped", connector, providerId);
                }
                return;
            }
            OutboxMessage message = found.get();
            if (message.status() != MessageStatus.SENT) {
                return; // a receipt repeated, or for a message already settled
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("connector", connector);
            fields.put("receipt", detail);
            outbox.change(message, new Outbox.Change(outcome == Reports.Outcome.DELIVERED ? MessageStatus.DELIVERED : MessageStatus.FAILED,
                    at, null, Sends.json(fields), null, message.attempts(), null), List.of());
        } catch (RuntimeException e) {
            log.error("a {} receipt for {} was not kept", connector, providerId, e);
        }
    }

    /** True when a connector delivers the channel. */
    public boolean delivers(Channel channel) {
        return connectors.containsKey(channel);
    }

    /** Has the outbox looked at now: a message was queued, or the clock moved. */
    public void wake() {
        poller.wake();
    }

    /** Starts work on the messages due now that no task holds; how many it started. */
    private int takeDue() throws InterruptedException {
        backlog = false;
        int limit = IN_FLIGHT + working.size();
        List<OutboxMessage> due = outbox.due(clock.instant(), limit);
        if (due.size() == limit) {
            backlog = true; // more may wait beyond this look
        }
        int taken = 0;
        for (OutboxMessage message : due) {
            if (poller.closing()) {
                break;
            }
            if (!working.add(message.id())) {
                continue;
            }
            slots.acquire();
            taken++;
            workers.execute(() -> work(message.tenant(), message.id()));
        }
        return taken;
    }

    /**
     * A message just queued, handed over at once rather than found by the next look at the outbox: worked on now when a
     * slot is free, else left to that look (it is on disk, due now).
     */
    public void hand(String tenant, String id) {
        if (poller.closing() || !working.add(id)) {
            return;
        }
        if (!slots.tryAcquire()) {
            working.remove(id);
            backlog = true;
            wake();
            return;
        }
        try {
            workers.execute(() -> work(tenant, id));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            done(id);
        }
    }

    private void work(String tenant, String id) {
        boolean handedOver = false;
        try {
            // read again, now that this task holds it: the list may predate the last task's outcome (a read's snapshot
            // can be older than a write committed while it ran), and a message sent moments ago must not go again
            Optional<OutboxMessage> current = outbox.find(tenant, id);
            if (current.isEmpty() || current.get().dueAt() == null || current.get().dueAt().isAfter(clock.instant())) {
                return;
            }
            OutboxMessage due = current.get();
            Optional<OutboxMessage> ready = isFresh(due) ? Optional.of(due) : sends.recheck(due);
            if (ready.isEmpty()) {
                return;
            }
            OutboxMessage message = ready.get();
            Connector connector = connectors.get(message.request().channel());
            if (connector == null) {
                retry(message, "no connector delivers " + message.request().channel().wireName() + " here");
                return;
            }
            Instant slot = pacing.slotFor(message, clock.instant());
            if (slot.isAfter(clock.instant())) {
                throttle(message, slot);
                return;
            }
            handedOver = true;
            connector.send(outbound(message)).whenComplete((delivery, failure) -> {
                try {
                    record(message, connector, failure != null ? new Delivery.Unavailable(String.valueOf(failure)) : delivery);
                } catch (RuntimeException e) {
                    log.error("the outcome of message {} was not kept; it is worked on again", message.id(), e);
                } finally {
                    done(message.id());
                }
            });
        } catch (RuntimeException e) {
            log.error("message {} could not be worked on; it is tried again", id, e);
        } finally {
            if (!handedOver) {
                done(id);
            }
        }
    }

    /** Committed moments ago and never attempted: judged then, under its recipient's lock, and so not again. */
    private boolean isFresh(OutboxMessage message) {
        return message.committed() && message.attempts() == 0 && message.status() == MessageStatus.QUEUED && message.dueAt() != null
                && !message.dueAt().isBefore(clock.instant().minus(FRESH));
    }

    private void done(String id) {
        working.remove(id);
        slots.release();
        if (backlog) {
            wake(); // messages wait on disk for a free slot: look at the outbox again now
        }
    }

    private void record(OutboxMessage message, Connector connector, Delivery delivery) {
        Instant now = clock.instant();
        if (delivery instanceof Delivery.Accepted accepted) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("connector", connector.name());
            detail.put("provider_id", accepted.providerId());
            outbox.change(message, new Outbox.Change(MessageStatus.SENT, now, null, Sends.json(detail), null, message.attempts(),
                    accepted.providerId()), List.of());
        } else if (delivery instanceof Delivery.Rejected rejected) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("connector", connector.name());
            detail.put("error", rejected.reason());
            outbox.change(message, new Outbox.Change(MessageStatus.FAILED, now, null, Sends.json(detail), null, message.attempts(), null),
                    List.of());
        } else if (delivery instanceof Delivery.Unavailable unavailable) {
            retry(message, connector.name() + ": " + unavailable.reason());
        }
    }

    /** Over its sender's rate: deferred to the slot kept for it (THROTTLED), counted already, never dropped. */
    private void throttle(OutboxMessage message, Instant slot) {
        SenderRates.Kind kind = SenderRates.kindOf(message.request().channel(), message.request().from());
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("code", "THROTTLED");
        reason.put("rule", "rate/" + kind.wireName().replace('_', '-'));
        reason.put("message", "the sender " + message.request().from() + " (" + kind.wireName().replace('_', ' ') + ") may send "
                + pacing.rateOf(message) + " messages a second; this one goes at " + slot);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", "defer");
        detail.put("not_before", slot.toString());
        detail.put("reasons", List.of(reason));
        outbox.change(message, new Outbox.Change(message.status() == MessageStatus.DEFERRED ? null : MessageStatus.DEFERRED, clock.instant(),
                slot, Sends.json(detail), null, message.attempts(), null), List.of());
    }

    /** The message is due again after a backoff that doubles with each attempt, or failed after {@link #MAX_ATTEMPTS}. */
    private void retry(OutboxMessage message, String reason) {
        Instant now = clock.instant();
        int attempts = message.attempts() + 1;
        if (attempts >= MAX_ATTEMPTS) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("error", "not delivered after " + attempts + " attempts; the last: " + reason);
            outbox.change(message, new Outbox.Change(MessageStatus.FAILED, now, null, Sends.json(detail), null, attempts, null), List.of());
            return;
        }
        log.info("message {} could not be delivered ({}); attempt {} of {} follows", message.id(), reason, attempts + 1, MAX_ATTEMPTS);
        outbox.change(message, new Outbox.Change(null, now, now.plus(backoff(attempts)), null, null, attempts, null), List.of());
    }

    /** 2, 4, 8... seconds after the failed attempt, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts, 20);
        return seconds >= MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    private static Outbound outbound(OutboxMessage message) {
        var request = message.request();
        return new Outbound(message.id(), message.tenant(), request.channel(), request.from(), message.address(), request.subject(),
                request.body(), request.headers(), request.sendAt());
    }


    @Override public void close() {
        poller.close();
        later.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connector connector : connectors.values().stream().distinct().toList()) {
            connector.close();
        }
    }
}
