package org.consentry.policy.rules.timing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.address.PhoneNumber;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/**
 * Marketing calls and texts only inside the calling hours where the recipient is (47 CFR 64.1200(c)(1):
 * 08:00-21:00 for the US). A number whose area code spans zones must be inside the window in each of
 * them; a number whose zone is unknown waits. Transactional messages and email are not bound.
 */
public final class QuietHoursRule implements Rule {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final QuietHoursPack pack;
    private final RuleInfo info;

    public QuietHoursRule(QuietHoursPack pack) {
        this.pack = pack;
        this.info = new RuleInfo("quiet-hours/" + pack.id(),
                "Marketing calls and texts to " + pack.name() + " numbers only between " + pack.window().start()
                        + " and " + pack.window().end() + " in the recipient's local time, in every zone of its area code.",
                pack.citation(), List.of(ReasonCode.QUIET_HOURS), List.of(QuietHoursPack.FILE));
    }

    @Override public RuleInfo info() {
        return info;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        PhoneNumber number = facts.recipient().phone();
        if (!request.purpose().isMarketing() || number == null || !pack.regions().contains(number.region())) {
            return Outcome.pass();
        }
        List<ZoneId> zones = facts.recipient().zones();
        if (zones.isEmpty()) {
            return Outcome.defer(info.reason(
                    "The time zone of " + number.e164() + " is unknown, so its calling hours cannot be established.",
                    Evidence.of("number", number.e164(), "window", pack.window().toString())), null);
        }
        DailyWindow window = pack.window();
        Instant at = request.sendAt();
        ZoneId outside = firstZoneOutside(at, zones);
        if (outside == null) {
            return Outcome.pass();
        }
        Instant lawful = window.earliestLawful(at, zones);
        String local = HH_MM.format(at.atZone(outside));
        String message = local + " in " + outside + " is outside " + window + " (" + pack.name() + ")"
                + (lawful == null ? "; the recipient's zones share no calling hours" : "");
        return Outcome.defer(info.reason(message, Evidence.of(
                "zones", zones.stream().map(ZoneId::getId).toList(),
                "local_time", localTimes(at, zones),
                "window", window.toString())), lawful);
    }

    private ZoneId firstZoneOutside(Instant at, List<ZoneId> zones) {
        for (ZoneId zone : zones) {
            if (!pack.window().contains(at, zone)) {
                return zone;
            }
        }
        return null;
    }

    private static Object localTimes(Instant at, List<ZoneId> zones) {
        if (zones.size() == 1) {
            return HH_MM.format(at.atZone(zones.get(0)));
        }
        Map<String, String> times = new LinkedHashMap<>();
        for (ZoneId zone : new ArrayList<>(zones)) {
            times.put(zone.getId(), HH_MM.format(at.atZone(zone)));
        }
        return times;
    }
}
