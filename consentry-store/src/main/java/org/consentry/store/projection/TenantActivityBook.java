package org.consentry.store.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.SendCommitted;
import org.consentry.store.ledger.LedgerListener;
import org.consentry.tenant.TenantActivity;

/**
 * Each tenant's committed sends by their {@code send_at}, for its plan's rate limit: how many go at each instant, in
 * order, so that the minute before any send is counted right whatever order the sends were committed in (a send
 * committed for a later minute counts in that minute, when it will go, and takes nothing away from this one).
 *
 * <p>What is kept: every send from two minutes before the ledger's time on, however far ahead, and of the sends
 * dated before that (a {@code send_at} in the past) those of the two minutes before the newest of them. A send for
 * the future stays until its time has passed; one entry per instant, however many sends share it. Read without locks
 * (the writer thread alone changes a tenant's map).
 */
public final class TenantActivityBook implements LedgerListener {

    private static final Duration KEPT = Duration.ofMinutes(2);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Map<String, ConcurrentSkipListMap<Instant, Integer>> byTenant = new ConcurrentHashMap<>();

    /** The tenant's sends of the minute up to {@code at}: after {@code at} less a minute, not after {@code at}. */
    public TenantActivity activityOf(String tenant, Instant at) {
        ConcurrentSkipListMap<Instant, Integer> sends = byTenant.get(tenant);
        if (sends == null) {
            return TenantActivity.NONE;
        }
        NavigableMap<Instant, Integer> minute = sends.subMap(at.minus(MINUTE), false, at, true);
        if (minute.isEmpty()) {
            return TenantActivity.NONE;
        }
        List<Instant> instants = new ArrayList<>();
        minute.forEach((sent, count) -> {
            for (int i = 0; i < count; i++) {
                instants.add(sent);
            }
        });
        return new TenantActivity(instants);
    }

    @Override public void apply(LedgerEntry entry) {
        if (!(entry.event() instanceof SendCommitted send)) {
            return;
        }
        ConcurrentSkipListMap<Instant, Integer> sends = byTenant.computeIfAbsent(entry.tenant(), tenant -> new ConcurrentSkipListMap<>());
        sends.merge(send.sendAt(), 1, Integer::sum);
        // the newest send not after the ledger's time: later ones (sends for the future) never push the present out
        Instant newestGone = sends.floorKey(entry.recordedAt());
        if (newestGone != null) {
            sends.headMap(newestGone.minus(KEPT)).clear();
        }
    }
}
