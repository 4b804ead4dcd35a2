package org.consentry.store.sqlite;

import java.util.HashMap;
import java.util.Map;
import org.consentry.ledger.ChainHash;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerFormatException;

/**
 * Each tenant's chain as the ledger is read back at start: every entry must follow the one before it and hash to
 * what is stored. An entry damaged on disk is refused here rather than replayed: a sealed event that no longer opens
 * would otherwise read as a person erased, and an opt-out so damaged would silently stop blocking. The heads found are
 * where the writer chains on.
 */
final class ChainLinks {

    private final Map<String, GroupCommitWriter.Head> heads = new HashMap<>();

    /**
     * The hash of an entry as stored, to be compared by {@link #follow}; worked out apart, on any thread.
     *
     * @param type the event's type and {@code storedPayload} its payload, as stored (what the hash covers)
     */
    static String hash(LedgerEntry entry, String type, String storedPayload) {
        return ChainHash.ofPayload(entry.tenant(), entry.tenantSeq(), entry.recordedAt(), type, storedPayload, entry.prevHash());
    }

    /**
     * @param hash what the entry as stored hashes to ({@link #hash})
     * @throws LedgerFormatException naming the entry and what is wrong with it
     */
    void follow(LedgerEntry entry, String hash) {
        GroupCommitWriter.Head head = heads.getOrDefault(entry.tenant(), GroupCommitWriter.Head.GENESIS);
        String problem = entry.tenantSeq() != head.seq() + 1 ? "expected event " + (head.seq() + 1) + " of the chain here"
                : !head.hash().equals(entry.prevHash()) ? "prev_hash does not match the hash of the event before it"
                : !hash.equals(entry.hash()) ? "the hash does not match the event"
                : null;
        if (problem != null) {
            throw new LedgerFormatException("ledger entry " + entry.seq() + " (event " + entry.tenantSeq() + " of tenant " + entry.tenant()
                    + ") is damaged: " + problem + "; the ledger is not replayed without it (restore the data folder from a backup)");
        }
        heads.put(entry.tenant(), new GroupCommitWriter.Head(entry.tenantSeq(), entry.hash()));
    }

    /** The last link of each tenant's chain. */
    Map<String, GroupCommitWriter.Head> heads() {
        return heads;
    }
}
