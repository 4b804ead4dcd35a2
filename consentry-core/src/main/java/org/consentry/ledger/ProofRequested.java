package org.consentry.ledger;

import java.time.Instant;
import java.util.Map;

/** The provider asked the tenant to prove the consent of an address by {@code dueAt} (a carrier's proof-of-opt-in request). */
public record ProofRequested(String requestId, String address, Instant dueAt) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.PROOF_REQUESTED;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("request_id", requestId, "address", address, "due_at", dueAt.toString());
    }

    static ProofRequested read(EventFields f) {
        return new ProofRequested(f.string("request_id"), f.string("address"), f.instant("due_at"));
    }
}
