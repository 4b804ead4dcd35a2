package org.consentry.ledger;

import java.util.Map;
import org.consentry.tenant.SenderKind;
import org.consentry.tenant.SenderStatus;

/** A sender was registered for the tenant, pending verification or verified by the provider. */
public record SenderRegistered(String senderId, String address, SenderKind kind, SenderStatus status) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.SENDER_REGISTERED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("sender_id", senderId, "address", address, "kind", kind.wireName(), "status", status.wireName());
    }

    static SenderRegistered read(EventFields f) {
        return new SenderRegistered(f.string("sender_id"), f.string("address"), f.enumValue("kind", SenderKind.class),
                f.enumValue("status", SenderStatus.class));
    }
}
