package org.consentry.ledger;

import java.util.HashMap;
import java.util.Map;

/**
 * How a proof request ended: answered by the tenant (with the proof bundle, whose SHA-256 is kept, or with
 * evidence of its own), or expired unanswered at its due time (the tenant is then suspended).
 *
 * @param outcome      {@code bundle}, {@code uploaded} or {@code expired}
 * @param sha256       the SHA-256 of what was attached (the bundle's canonical JSON, or the evidence text); null when expired
 * @param note         the tenant's words, or why it expired
 */
public record ProofAnswered(String requestId, String address, String outcome, String sha256, String note) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.PROOF_ANSWERED;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("request_id", requestId);
        fields.put("address", address);
        fields.put("outcome", outcome);
        fields.put("sha256", sha256);
        fields.put("note", note);
        return fields;
    }

    static ProofAnswered read(EventFields f) {
        return new ProofAnswered(f.string("request_id"), f.string("address"), f.string("outcome"), f.optionalString("sha256"),
                f.optionalString("note"));
    }
}
