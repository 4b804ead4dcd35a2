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
 *
 * <p>A tenant whose plan has a rate also has a lock of its own ({@link #ofTenant}, one of {@value #TENANT_STRIPES}):
 * its committed sends to any recipient are judged and written one after the other, or sends at the same moment to
 * different recipients could each pass the rate that together they break. The order is the tenant's lock, then a
 * recipient's; never the tenant's while holding a recipient's.
 */
public final class RecipientLocks {

    public static final int STRIPES = 4_096;
    public static final int TENANT_STRIPES = 256;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final ReentrantLock[] tenantStripes = new ReentrantLock[TENANT_STRIPES];

    public RecipientLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
        for (int i = 0; i < TENANT_STRIPES; i++) {
            tenantStripes[i] = new ReentrantLock();
        }
    }

    /**
     * The lock of the tenant's committed sends, for its plan's rate: taken before any recipient's lock, and only
     * when the plan has a rate (tenants without one do not wait for each other's sends).
     */
    public ReentrantLock ofTenant(String tenant) {
        int hash = tenant.hashCode();
        return tenantStripes[(hash ^ (hash >>> 16)) & (TENANT_STRIPES - 1)];
    }

    /** The lock of the tenant's recipient (its canonical address). */
    public ReentrantLock of(String tenant, String address) {
        return stripes[stripe(tenant, address)];
    }

    /**
     * Runs {@code action} holding the locks of all the tenant's recipients named, for one append about them all; the caller
     * must hold no recipient's lock. The stripes are taken in their order, so two callers of this never wait for each other
     * in a circle, and a batch of checks, which only tries a lock while holding others, lets go of them before it waits.
     */
    public <T> T underAll(String tenant, java.util.Collection<String> addresses, Supplier<T> action) {
        java.util.TreeSet<Integer> indexes = new java.util.TreeSet<>();
        for (String address : addresses) {
            indexes.add(stripe(tenant, address));
        }
        java.util.List<ReentrantLock> taken = new java.util.ArrayList<>(indexes.size());
        try {
            for (int index : indexes) {
                stripes[index].lock();
                taken.add(stripes[index]);
            }
            return action.get();
        } finally {
            for (int i = taken.size() - 1; i >= 0; i--) {
                taken.get(i).unlock();
            }
        }
    }

    private static int stripe(String tenant, String address) {
        int hash = 31 * tenant.hashCode() + address.hashCode();
        return (hash ^ (hash >>> 16)) & (STRIPES - 1);
    }

    /** Runs {@code action} holding the recipient's lock; the caller must hold no other recipient's lock (its tenant's may be held). */
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
