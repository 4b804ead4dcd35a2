package org.consentry.ledger;

import java.util.Map;

/** A tenant key was issued; only its SHA-256 is kept. */
public record ApiKeyIssued(String keyId, String keyHash) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.API_KEY_ISSUED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("key_id", keyId, "key_hash", keyHash);
    }

    static ApiKeyIssued read(EventFields f) {
        return new ApiKeyIssued(f.string("key_id"), f.string("key_hash"));
    }
}
