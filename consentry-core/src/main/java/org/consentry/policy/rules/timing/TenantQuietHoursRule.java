package org.consentry.policy.rules.timing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.DailyHours;

/**
 * A tenant may narrow its calling hours ({@code quiet_hours} in its settings): marketing calls and texts
 * then wait for the tenant's window too, in the recipient's local time. It never widens the law's. A number
 * whose zone is unknown waits, with no time to wait for, as under the law's hours (fail closed).
 */
public final class TenantQuietHoursRule implements Rule {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final RuleScope SCOPE = RuleScope.marketing(RuleScope.PHONE);
    private static final RuleInfo INFO = new RuleInfo("quiet-hours/tenant",
            "Marketing calls and texts also keep to the tenant's own calling hours, when it set narrower ones.",
            "Tenant settings (quiet_hours)", List.of(ReasonCode.QUIET_HOURS), List.of())
            .because("A tenant may promise its recipients narrower hours than the law allows; the gateway keeps the "
                    + "promise.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        DailyHours own = facts.tenant().settings().quietHours();
        if (own == null || !request.purpose().isMarketing() || !request.channel().isPhone() || !facts.recipient().valid()) {
            return Outcome.pass();
        }
        List<ZoneId> zones = facts.recipient().zones();
        if (zones.isEmpty()) {
            return Outcome.defer(INFO.reason("The time zone of " + facts.recipient().key()
                            + " is unknown, so the account's own hours " + own + " cannot be established.",
                    Evidence.of("number", facts.recipient().key(), "window", own.toString())), null);
        }
        CallingHours hours = CallingHours.daily(LocalWindow.of(own.start(), own.end()));
        Instant at = request.sendAt();
        for (ZoneId zone : zones) {
            if (!hours.allows(at, zone)) {
                return Outcome.defer(INFO.reason(HH_MM.format(at.atZone(zone)) + " in " + zone + " is outside the account's own hours " + own,
                        Evidence.of("zones", zones.stream().map(ZoneId::getId).toList(),
                                "local_time", QuietHoursRule.localTimes(at, zones), "window", own.toString())),
                        hours.earliestLawful(at, zones));
            }
        }
        return Outcome.pass();
    }
}
