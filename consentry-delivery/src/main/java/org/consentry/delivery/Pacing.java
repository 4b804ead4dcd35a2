package org.consentry.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.store.outbox.OutboxMessage;

/**
 * Each sender's messages spaced at its rate ({@link SenderRates}): a message gets the sender's next free slot, now or
 * later, and keeps a later slot reserved until it comes back for it. Slots are counted on the dispatcher's clock.
 */
final class Pacing {

    /** Reservations older than this are forgotten (their message was blocked, erased, or the slot long passed). */
    private static final long FORGET_AFTER_SECONDS = 3_600;
    private static final int TIDY_ABOVE = 100_000;

    private final SenderRates rates;
    private final Map<String, Instant> nextFree = new ConcurrentHashMap<>();
    private final Map<String, Instant> reserved = new ConcurrentHashMap<>();

    Pacing(SenderRates rates) {
        this.rates = rates;
    }

    /** The messages a second of the message's sender; 0 for no limit. */
    double rateOf(OutboxMessage message) {
        return rates.perSecond(SenderRates.kindOf(message.request().channel(), message.request().from()));
    }

    /** When the message may go: {@code now}, or a later slot, kept for it. */
    Instant slotFor(OutboxMessage message, Instant now) {
        Instant held = reserved.get(message.id());
        if (held != null) {
            if (!held.isAfter(now)) {
                reserved.remove(message.id());
                return now;
            }
            return held;
        }
        double rate = rateOf(message);
        if (rate <= 0) {
            return now;
        }
        long interval = (long) Math.ceil(1_000_000_000d / rate);
        Instant[] slot = new Instant[1];
        nextFree.compute(message.request().channel().wireName() + ':' + message.request().from(), (sender, free) -> {
            slot[0] = free == null || free.isBefore(now) ? now : free;
            return slot[0].plusNanos(interval);
        });
        if (slot[0].isAfter(now)) {
            if (reserved.size() > TIDY_ABOVE) {
                reserved.values().removeIf(at -> at.isBefore(now.minusSeconds(FORGET_AFTER_SECONDS)));
            }
            reserved.put(message.id(), slot[0]);
        }
        return slot[0];
    }
}
