package org.consentry.store.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.SendCommitted;
import org.consentry.store.ledger.LedgerListener;
import org.consentry.tenant.TenantActivity;

/** Each tenant's most recent committed sends, for its plan's rate limit: the last two minutes before its newest send. */
public final class TenantActivityBook implements LedgerListener {

    private static final Duration KEPT = Duration.ofMinutes(2);

    private final Map<String, TenantActivity> byTenant = new ConcurrentHashMap<>();

    public TenantActivity activityOf(String tenant) {
        return byTenant.getOrDefault(tenant, TenantActivity.NONE);
    }

    @Override public void apply(LedgerEntry entry) {
        if (!(entry.event() instanceof SendCommitted)) {
            return;
        }
        Instant at = ((SendCommitted) entry.event()).sendAt();
        byTenant.compute(entry.tenant(), (tenant, activity) -> {
            List<Instant> sends = new ArrayList<>(activity == null ? List.of() : activity.lastMinute());
            int index = sends.size();
            while (index > 0 && sends.get(index - 1).isAfter(at)) {
                index--;
            }
            sends.add(index, at);
            Instant newest = sends.get(sends.size() - 1);
            sends.removeIf(sent -> sent.isBefore(newest.minus(KEPT)));
            return new TenantActivity(sends);
        });
    }
}
