package org.consentry.tenant;

import java.time.Instant;
import java.util.List;

/** A tenant's recent sending, for its rate limit: the instants of its sends committed in the last minute, oldest first. */
public record TenantActivity(List<Instant> lastMinute) {

    public static final TenantActivity NONE = new TenantActivity(List.of());

    public TenantActivity {
        lastMinute = List.copyOf(lastMinute);
    }
}
