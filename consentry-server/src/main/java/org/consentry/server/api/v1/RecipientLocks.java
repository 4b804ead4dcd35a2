package org.consentry.server.api.v1;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks that serialize committed sends to one recipient of one tenant: judging a send and writing it must not
 * interleave with another request's, or two sends at the same moment could each pass a frequency cap or the
 * duplicate rule that together they break. Striped (a recipient's lock is one of {@value #STRIPES}), so sends to
 * other recipients wait only when they share a stripe. One process only: several servers sharing a store need a
 * lock they share.
 */
final class RecipientLocks {

    static final int STRIPES = 4_096;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    RecipientLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** The lock of the tenant's recipient (its canonical address). */
    ReentrantLock of(String tenant, String address) {
        int hash = 31 * tenant.hashCode() + address.hashCode();
        return stripes[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
    }
}
