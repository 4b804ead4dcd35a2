package org.consentry.ledger;

import java.util.Map;

/** A tenant key was revoked: from this event on it opens nothing. */
public record ApiKeyRevoked(String keyId) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.API_KEY_REVOKED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("key_id", keyId);
    }

    static ApiKeyRevoked read(EventFields f) {
        return new ApiKeyRevoked(f.string("key_id"));
    }
}
