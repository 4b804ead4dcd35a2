package org.consentry.ledger;

/**
 * The result of walking a tenant's chain.
 *
 * @param length      the number of events checked
 * @param head        the hash of the last intact event (the genesis value for an empty chain)
 * @param brokenAt    the tenant sequence number of the first event that fails, or 0 when intact
 * @param problem     what is wrong with it, or null
 */
public record ChainVerification(boolean intact, long length, String head, long brokenAt, String problem) {

    public static ChainVerification intact(long length, String head) {
        return new ChainVerification(true, length, head, 0, null);
    }

    public static ChainVerification broken(long length, String head, long brokenAt, String problem) {
        return new ChainVerification(false, length, head, brokenAt, problem);
    }
}
