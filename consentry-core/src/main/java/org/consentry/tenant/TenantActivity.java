package org.consentry.tenant;

import java.time.Instant;
import java.util.List;

/** A tenant's recent sending, for its rate limit: the instants of its committed sends in the minute before a send, oldest first. */
public record TenantActivity(List<Instant> lastMinute) {

    public static final TenantActivity NONE = new TenantActivity(List.of());

    public TenantActivity {
        lastMinute = List.copyOf(lastMinute);
    }
}
