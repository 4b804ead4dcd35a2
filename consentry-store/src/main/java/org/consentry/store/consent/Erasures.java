package org.consentry.store.consent;

import java.time.Instant;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.SubjectErased;
import org.consentry.store.ledger.Ledger;

/**
 * Erasure at a person's request (GDPR art. 17): their key is destroyed, so every event the tenant's ledger holds
 * about them becomes unreadable while the chain still verifies; a salted hash of the address stays, so that they are
 * never messaged again (ErasedRecipientRule). An address under an open proof-of-opt-in request cannot be erased until
 * it is answered: the evidence is needed for that claim (art. 17(3)(e)), and erasing it must not be a way to escape one.
 */
public final class Erasures {

    /** What an erasure did. */
    public record Erased(String subjectRef, Instant at, int events) {
    }

    private final Ledger ledger;
    private final ProofRequests proofRequests;
    private final org.consentry.store.idempotency.IdempotencyStore idempotency;
    private final org.consentry.store.outbox.Outbox outbox;

    public Erasures(Ledger ledger, ProofRequests proofRequests, org.consentry.store.idempotency.IdempotencyStore idempotency,
                    org.consentry.store.outbox.Outbox outbox) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.proofRequests = proofRequests;
        this.idempotency = idempotency;
    }

    public Erased erase(String tenant, String address) {
        return proofRequests.unlessOpen(tenant, address, () -> {
            // their messages go first, waiting or not: should the erasure then fail, its retry finds nothing of them to send
            outbox.forget(tenant, address);
            int events = (int) ledger.about(tenant, address).stream().filter(entry -> entry.sealed() != null && !entry.erased()).count();
            LedgerEntry entry = ledger.erase(tenant, address);
            // the answers kept for the tenant's retries may name the person (a check, a consent): they go too, and a
            // retry of one of those requests is judged again
            idempotency.forgetTenant(tenant);
            return new Erased(((SubjectErased) entry.event()).subjectRef(), entry.recordedAt(), events);
        });
    }
}
