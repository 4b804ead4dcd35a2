package org.consentry.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as the ledger holds it: its place in the global order ({@code seq}) and in its tenant's chain
 * ({@code tenantSeq}, from 1), when it was recorded, and the hashes that chain it.
 */
public record LedgerEntry(long seq, String tenant, long tenantSeq, Instant recordedAt, LedgerEvent event,
                          String prevHash, String hash) {

    public LedgerEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }
}
