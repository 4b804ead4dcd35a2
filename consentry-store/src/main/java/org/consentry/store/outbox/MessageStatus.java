package org.consentry.store.outbox;

import java.util.Locale;
import java.util.Optional;

/** Where a message stands, as {@code GET /v1/messages/{id}} shows it. */
public enum MessageStatus {
    /** Allowed and counted; waiting for its connector to take it. */
    QUEUED,
    /** Not lawful yet (quiet hours, a frequency cap, a rate limit) or scheduled later: checked again when due. */
    DEFERRED,
    /** Its connector took it (the SMTP server or the SMSC answered that it has it). */
    SENT,
    /** The network reported it delivered (a delivery receipt). */
    DELIVERED,
    /** Its connector refused it for good, or the network reported it undeliverable. */
    FAILED,
    /** A check blocked it: at acceptance, or again when it was due. */
    BLOCKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MessageStatus> fromWire(String name) {
        for (MessageStatus status : values()) {
            if (status.wireName().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** True when nothing more will happen to the message but a delivery receipt. */
    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == BLOCKED;
    }
}
