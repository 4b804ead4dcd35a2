package org.consentry.store.ledger;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Locks that serialize what is decided about one recipient of one tenant and then written: a committed send judged
 * and recorded, an opt-out or opt-in, a consent revoked or confirmed. Read, decide and append must not interleave
 * with another request's for the same person, or two sends at the same moment could each pass a frequency cap that
 * together they break, and two STOPs arriving together could each find the recipient still subscribed and each
 * answer with a confirmation text. Striped (a recipient's lock is one of {@value #STRIPES}), so work on other
 * recipients waits only when it shares a stripe. One process only: several servers sharing a store need a lock
 * they share.
 */
public final class RecipientLocks {

    public static final int STRIPES = 4_096;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public RecipientLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** The lock of the tenant's recipient (its canonical address). */
    public ReentrantLock of(String tenant, String address) {
        int hash = 31 * tenant.hashCode() + address.hashCode();
        return stripes[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
    }

    /** Runs {@code action} holding the recipient's lock; the caller must hold no other recipient's lock. */
    public <T> T under(String tenant, String address, Supplier<T> action) {
        ReentrantLock lock = of(tenant, address);
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
