package org.consentry.ledger;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.tenant.TenantPlan;

/** The provider changed what a tenant's plan permits: purposes per channel, and the sending rate. */
public record PlanChanged(TenantPlan plan) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.PLAN_CHANGED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> permitted = new HashMap<>();
        plan.permitted().forEach((channel, purposes) ->
                permitted.put(channel.wireName(), purposes.stream().sorted().map(Purpose::wireName).toList()));
        Map<String, Object> fields = new HashMap<>();
        fields.put("permitted", permitted);
        fields.put("sends_per_minute", (long) plan.sendsPerMinute());
        return fields;
    }

    static PlanChanged read(EventFields f) {
        Map<Channel, Set<Purpose>> permitted = new EnumMap<>(Channel.class);
        EventFields channels = f.object("permitted");
        if (channels != null) {
            for (String name : channels.keys()) {
                Channel channel = Channel.fromWire(name).orElseThrow(() -> new LedgerFormatException("unknown channel " + name));
                Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
                for (String purpose : channels.strings(name)) {
                    purposes.add(Purpose.fromWire(purpose).orElseThrow(() -> new LedgerFormatException("unknown purpose " + purpose)));
                }
                permitted.put(channel, purposes);
            }
        }
        return new PlanChanged(new TenantPlan(permitted, (int) f.number("sends_per_minute", 0)));
    }

}
