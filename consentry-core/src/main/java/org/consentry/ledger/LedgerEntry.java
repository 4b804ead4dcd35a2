package org.consentry.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An event as the ledger holds it: its place in the global order ({@code seq}) and in its tenant's chain
 * ({@code tenantSeq}, from 1), when it was recorded, and the hashes that chain it.
 *
 * @param stored the payload as stored and hashed, when it is not the event's own fields: the sealed form of an event
 *               about a person ({@link SealedFields}); null otherwise
 */
public record LedgerEntry(long seq, String tenant, long tenantSeq, Instant recordedAt, LedgerEvent event,
                          String prevHash, String hash, Map<String, Object> stored) {

    public LedgerEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }

    public LedgerEntry(long seq, String tenant, long tenantSeq, Instant recordedAt, LedgerEvent event, String prevHash, String hash) {
        this(seq, tenant, tenantSeq, recordedAt, event, prevHash, hash, null);
    }

    /** The payload the hash covers. */
    public Map<String, Object> hashedFields() {
        return stored != null ? stored : event.fields();
    }

    /** The sealed payload of an event about a person, or null when the event is stored in clear. */
    public String sealed() {
        return stored != null && SealedFields.isSealed(stored) ? (String) stored.get(SealedFields.MEMBER) : null;
    }

    /** Whether the event's content was erased with its person's key. */
    public boolean erased() {
        return event instanceof ErasedEvent;
    }
}
