package org.consentry.tenant;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;

/**
 * What the provider's terms allow a tenant: the purposes permitted on each channel (a channel not named
 * permits every purpose) and a sending rate (0: no limit).
 */
public record TenantPlan(Map<Channel, Set<Purpose>> permitted, int sendsPerMinute) {

    public static final TenantPlan UNRESTRICTED = new TenantPlan(Map.of(), 0);

    public TenantPlan {
        Map<Channel, Set<Purpose>> copy = new EnumMap<>(Channel.class);
        permitted.forEach((channel, purposes) -> copy.put(channel, Set.copyOf(purposes)));
        permitted = Map.copyOf(copy);
        if (sendsPerMinute < 0) {
            throw new IllegalArgumentException("sendsPerMinute must not be negative");
        }
    }

    public boolean permits(Channel channel, Purpose purpose) {
        Set<Purpose> purposes = terms(channel);
        return purposes == null || purposes.contains(purpose);
    }

    /**
     * The purposes the plan permits on a channel, or null when it does not restrict it. MMS without terms of its own
     * has the SMS terms (an SMS consent covers MMS too): a transactional-only texting plan does not send marketing
     * by adding a picture.
     */
    public Set<Purpose> terms(Channel channel) {
        Set<Purpose> purposes = permitted.get(channel);
        return purposes == null && channel == Channel.MMS ? permitted.get(Channel.SMS) : purposes;
    }
}
