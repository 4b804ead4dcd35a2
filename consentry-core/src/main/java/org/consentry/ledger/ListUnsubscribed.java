package org.consentry.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * The recipient unsubscribed from one of the tenant's email lists (a {@code campaign}), and from that list only:
 * the tenant's other email still reaches it. An unsubscribe from everything is an {@link OptedOut} of email.
 */
public record ListUnsubscribed(String address, String list, Instant at, String via) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.LIST_UNSUBSCRIBED;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("address", address, "list", list, "at", at.toString(), "via", via);
    }

    static ListUnsubscribed read(EventFields f) {
        return new ListUnsubscribed(f.string("address"), f.string("list"), f.instant("at"), f.string("via"));
    }
}
