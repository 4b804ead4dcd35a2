package org.consentry.policy.rules.timing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consentry.jurisdiction.LocalClock;
import org.consentry.policy.Channel;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;
import org.consentry.recipient.Recipient;

/**
 * Marketing calls and texts only inside the calling hours of one jurisdiction, in the recipient's local
 * time: 47 CFR 64.1200(c)(1) for the US (08:00-21:00), the states' stricter hours and Sunday and holiday
 * bans, Canada's CRTC rules, France's. A number whose area code spans zones must be inside the window in
 * each; a number whose zone is unknown waits (the country's pack says so; a state's pack too when the state is
 * known); a US number whose state is unknown is bound by every state's pack. Transactional messages and email are not bound.
 */
public final class QuietHoursRule implements Rule {

    private final QuietHoursPack pack;
    private final RuleInfo info;
    private final RuleScope scope;

    public QuietHoursRule(QuietHoursPack pack) {
        this.pack = pack;
        this.scope = RuleScope.marketing(scopeChannels(pack.channels())).in(pack.regions(), pack.subdivisions());
        this.info = new RuleInfo("quiet-hours/" + pack.id(),
                "Marketing " + pack.channels().stream().map(c -> c.wireName()).sorted().toList()
                        + (pack.channels().contains(Channel.VOICE) || !bindsAutomatedCalls(pack.channels()) ? ""
                            : " (and voice calls with a prerecorded or artificial voice)") + " to " + pack.name()
                        + " only in its calling hours, in the recipient's local time, in every zone of its area code.",
                pack.citation(), List.of(ReasonCode.QUIET_HOURS), List.of(QuietHoursPack.FILE))
            .because("Calls and texts at night, on days of rest or on holidays intrude on the recipient's home; each "
                    + "jurisdiction sets the hours in which telemarketing may reach people, in their own local time.");
    }

    public QuietHoursPack pack() {
        return pack;
    }

    @Override public RuleInfo info() {
        return info;
    }

    @Override public RuleScope scope() {
        return scope;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        Recipient recipient = facts.recipient();
        if (!request.purpose().isMarketing() || !binds(request) || !recipient.valid()
                || !recipient.isIn(pack.regions(), pack.subdivisions())) {
            return Outcome.pass();
        }
        List<ZoneId> zones = recipient.zones();
        if (!zones.isEmpty() && pack.alsoIn() != null) {
            zones = withFixedZone(zones);
        }
        if (zones.isEmpty()) {
            if (!pack.subdivisions().isEmpty() && recipient.subdivisions().isEmpty()) {
                // Neither zone nor state is known: the country's own pack defers this send already, and one
                // reason says it better than one per state.
                return Outcome.pass();
            }
            return Outcome.defer(info.reason(
                    "The time zone of " + recipient.key() + " is unknown, so " + pack.name() + " calling hours cannot be established.",
                    Evidence.of("number", recipient.key(), "pack", pack.id())), null);
        }
        Instant at = request.sendAt();
        ZoneId outside = firstZoneOutside(at, zones);
        if (outside == null) {
            return Outcome.pass();
        }
        Instant lawful = pack.hours().earliestLawful(at, zones);
        LocalDateTime local = LocalDateTime.ofEpochSecond(LocalClock.localSeconds(at, outside), 0, ZoneOffset.UTC);
        String holiday = holidayName(local.toLocalDate());
        String window = pack.hours().describe(local.toLocalDate());
        return Outcome.defer(info.reason(message(local, outside, holiday, window, lawful), Evidence.of(
                "zones", zoneIds(zones),
                "local_time", localTimes(at, zones),
                "window", window,
                "holiday", holiday,
                "pack", pack.id())), lawful);
    }

    /** The recipient's zones and the zone the law names, in which the hours bind too. */
    private List<ZoneId> withFixedZone(List<ZoneId> zones) {
        if (zones.contains(pack.alsoIn())) {
            return zones;
        }
        ZoneId[] all = zones.toArray(new ZoneId[zones.size() + 1]);
        all[zones.size()] = pack.alsoIn();
        return List.of(all);
    }

    /**
     * A voice call that plays a prerecorded or artificial (AI) voice is the automated call a pack for IVR and RVM
     * restricts (Nebraska's prerecorded messages, the states' dial-announcing devices): it keeps their hours too.
     */
    private boolean binds(SendRequest request) {
        Channel channel = request.channel();
        return pack.channels().contains(channel) || (channel == Channel.VOICE && (request.prerecorded() || request.aiVoice())
                && bindsAutomatedCalls(pack.channels()));
    }

    private static boolean bindsAutomatedCalls(Set<Channel> channels) {
        return channels.contains(Channel.IVR) || channels.contains(Channel.RVM);
    }

    private static Set<Channel> scopeChannels(Set<Channel> channels) {
        if (!bindsAutomatedCalls(channels)) {
            return channels;
        }
        Set<Channel> withVoice = EnumSet.copyOf(channels);
        withVoice.add(Channel.VOICE);
        return withVoice;
    }

    private String message(LocalDateTime local, ZoneId zone, String holiday, String window, Instant lawful) {
        String when = hhmm(local.getHour(), local.getMinute()) + " in " + zone.getId();
        String message;
        if (holiday != null) {
            message = when + " is on " + holiday + ", when " + pack.name() + " allows " + window;
        } else if (pack.hours().windowsOn(local.toLocalDate()).isEmpty()) {
            message = when + " is on a " + DAY_NAMES[local.getDayOfWeek().ordinal()] + ", when " + pack.name() + " allows no calls";
        } else {
            message = when + " is outside " + window + " (" + pack.name() + ")";
        }
        return lawful == null ? message + "; the recipient's zones share no calling hours in the next weeks" : message;
    }

    private static final String[] DAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private String holidayName(LocalDate date) {
        if (!pack.hours().isHoliday(date)) {
            return null;
        }
        String name = pack.hours().holidays().nameOf(date);
        return name == null ? "a holiday" : name;
    }

    private static Object zoneIds(List<ZoneId> zones) {
        if (zones.size() == 1) {
            return List.of(zones.get(0).getId());
        }
        String[] ids = new String[zones.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = zones.get(i).getId();
        }
        return List.of(ids);
    }

    /** {@code HH:mm}, without a formatter. */
    static String hhmm(int hour, int minute) {
        return new String(new char[] {(char) ('0' + hour / 10), (char) ('0' + hour % 10), ':', (char) ('0' + minute / 10),
            (char) ('0' + minute % 10)});
    }

    private static String hhmm(Instant at, ZoneId zone) {
        int second = LocalClock.secondOfDay(LocalClock.localSeconds(at, zone));
        return hhmm(second / 3600, second / 60 % 60);
    }

    private ZoneId firstZoneOutside(Instant at, List<ZoneId> zones) {
        for (int i = 0; i < zones.size(); i++) { // by index: no iterator on every marketing send
            ZoneId zone = zones.get(i);
            if (!pack.hours().allows(at, zone)) {
                return zone;
            }
        }
        return null;
    }

    static Object localTimes(Instant at, List<ZoneId> zones) {
        if (zones.size() == 1) {
            return hhmm(at, zones.get(0));
        }
        Map<String, String> times = new LinkedHashMap<>();
        for (ZoneId zone : zones) {
            times.put(zone.getId(), hhmm(at, zone));
        }
        return times;
    }
}
