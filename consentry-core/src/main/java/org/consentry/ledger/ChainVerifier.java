package org.consentry.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * Walks one tenant's chain in order, entry by entry, and stops believing at the first entry that fails:
 * a gap in the sequence, a {@code prev} that is not the previous hash, a stored payload that is not the
 * canonical encoding of its fields, or a hash that does not match.
 */
public final class ChainVerifier {

    private final String tenant;
    private long expectedSeq = 1;
    private String head = ChainHash.GENESIS;
    private ChainVerification broken;

    public ChainVerifier(String tenant) {
        this.tenant = tenant;
    }

    /** A verifier that takes the first {@code length} events as verified already, the last of them hashing to {@code head}. */
    public static ChainVerifier resumingAfter(String tenant, long length, String head) {
        ChainVerifier verifier = new ChainVerifier(tenant);
        verifier.expectedSeq = length + 1;
        verifier.head = head;
        return verifier;
    }

    /**
     * @param storedPayload the payload text as stored, which must be the canonical encoding of {@code fields}
     * @return false once the chain is broken (here or before)
     */
    public boolean accept(long tenantSeq, Instant recordedAt, String type, Map<String, Object> fields, String storedPayload,
                          String prevHash, String hash) {
        if (broken != null) {
            return false;
        }
        String problem = problem(tenantSeq, recordedAt, type, fields, storedPayload, prevHash, hash);
        if (problem != null) {
            broken = ChainVerification.broken(expectedSeq - 1, head, tenantSeq, problem);
            return false;
        }
        head = hash;
        expectedSeq++;
        return true;
    }

    /** Records a failure found outside the hashes, e.g. a payload that would not parse. */
    public void fail(long tenantSeq, String problem) {
        if (broken == null) {
            broken = ChainVerification.broken(expectedSeq - 1, head, tenantSeq, problem);
        }
    }

    public ChainVerification result() {
        return broken != null ? broken : ChainVerification.intact(expectedSeq - 1, head);
    }

    private String problem(long tenantSeq, Instant recordedAt, String type, Map<String, Object> fields, String storedPayload,
                           String prevHash, String hash) {
        if (tenantSeq != expectedSeq) {
            return "expected event " + expectedSeq + " of the chain, found " + tenantSeq;
        }
        if (!head.equals(prevHash)) {
            return "prev_hash does not match the hash of the event before it";
        }
        if (!CanonicalJson.write(fields).equals(storedPayload)) {
            return "the stored payload is not the canonical encoding of its fields";
        }
        if (!ChainHash.of(tenant, tenantSeq, recordedAt, type, fields, prevHash).equals(hash)) {
            return "the hash does not match the event";
        }
        return null;
    }
}
