package org.consentry.policy.rules.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.consentry.jurisdiction.AreaCodes;
import org.consentry.policy.Channel;
import org.consentry.policy.Decision;
import org.consentry.policy.Facts;
import org.consentry.policy.PolicyEngine;
import org.consentry.policy.Rule;
import org.consentry.policy.Rulebook;
import org.consentry.policy.SendRequest;
import org.consentry.policy.Verdict;
import org.consentry.recipient.Recipient;
import org.consentry.ruledata.RuleDataFile;
import org.consentry.testing.SendRequests;

/**
 * Every pack's hours, read the slow way (the local date and time of {@link ZonedDateTime}, the windows of
 * {@link CallingHours#windowsOn}): for random NANP, US territory and French numbers, states named or not, and instants of
 * four years (every DST change and holiday of them), a marketing send the timing rules allow is inside the
 * windows of every pack that binds it, in every zone of the recipient; and a deferred send's {@code not_before}
 * is too.
 */
class AllowedSendsProperties {

    private static final List<QuietHoursPack> PACKS = QuietHoursPack.load();
    private static final PolicyEngine TIMING = new PolicyEngine(new Rulebook(timingRules()));
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");

    private static List<Rule> timingRules() {
        List<Rule> rules = new ArrayList<>();
        for (QuietHoursPack pack : PACKS) {
            rules.add(new QuietHoursRule(pack));
        }
        return rules;
    }

    @Provide
    Arbitrary<String> numbers() {
        List<Integer> codes = new ArrayList<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(AreaCodes.FILE).rows()) {
            codes.add(Integer.parseInt(row.get("npa")));
        }
        Arbitrary<String> nanp = Arbitraries.of(codes).flatMap(code -> Arbitraries.integers().between(200, 999)
                .map(exchange -> "+1" + code + exchange + "0100"));
        Arbitrary<String> france = Arbitraries.of("+33123456789", "+33612345678", "+590590271234", "+590690301234",
                "+596596601234", "+594594301234", "+262262401234", "+262639401234", "+262269601234");
        Arbitrary<String> territories = Arbitraries.of("+17875550100", "+19395550100", "+13405550100", "+16715550100",
                "+16705550100", "+16845550100");
        return Arbitraries.frequencyOf(Tuple.of(8, nanp), Tuple.of(1, france), Tuple.of(1, territories));
    }

    @Provide
    Arbitrary<Channel> phoneChannels() {
        return Arbitraries.of(Channel.SMS, Channel.MMS, Channel.VOICE, Channel.IVR, Channel.RVM);
    }

    @Provide
    Arbitrary<String> states() {
        return Arbitraries.of("", "", "", "TX", "FL", "MS", "RI", "PA", "NE", "AL", "UT", "LA", "SD", "OR", "AZ", "BC", "SK", "QC");
    }

    @Property(tries = 3_000)
    void anAllowedSendIsInsideEveryBindingWindowInEveryZone(@ForAll("numbers") String to, @ForAll("phoneChannels") Channel channel,
                                                            @ForAll("states") String state, @ForAll boolean prerecorded,
                                                            @ForAll @IntRange(min = 0, max = 4 * 366 * 24 * 4) int quarter) {
        Instant at = FROM.plus(Duration.ofMinutes(quarter * 15L));
        SendRequests send = marketingSms().channel(channel).prerecorded(prerecorded).to(to).at(at);
        SendRequest request = (state.isEmpty() ? send : send.state(state)).build();
        Facts facts = facts().of(request);
        Assume.that(facts.recipient().valid());
        Verdict verdict = TIMING.evaluate(request, facts);
        if (verdict.decision() == Decision.ALLOW) {
            assertInsideEveryWindow(request, facts.recipient(), at, "allowed at " + at);
        } else if (verdict.notBefore() != null) {
            assertInsideEveryWindow(request, facts.recipient(), verdict.notBefore(), "not_before " + verdict.notBefore() + " of " + at);
        }
    }

    private static void assertInsideEveryWindow(SendRequest request, Recipient recipient, Instant at, String what) {
        assertThat(recipient.zones()).as(request.to() + " " + what + " with no zone").isNotEmpty();
        for (QuietHoursPack pack : PACKS) {
            if (!binds(pack, request) || !recipient.isIn(pack.regions(), pack.subdivisions())) {
                continue;
            }
            List<ZoneId> zones = new ArrayList<>(recipient.zones());
            if (pack.alsoIn() != null) {
                zones.add(pack.alsoIn());
            }
            for (ZoneId zone : zones) {
                ZonedDateTime local = at.atZone(zone);
                boolean inside = pack.hours().windowsOn(local.toLocalDate()).stream().anyMatch(w -> w.contains(local.toLocalTime()));
                assertThat(inside).as(request.to() + " " + request.channel() + " state " + request.state() + ": " + what + " but "
                        + local + " is outside " + pack.id() + " " + pack.hours().describe(local.toLocalDate())).isTrue();
            }
        }
    }

    private static boolean binds(QuietHoursPack pack, SendRequest request) {
        boolean automated = pack.channels().contains(Channel.IVR) || pack.channels().contains(Channel.RVM);
        return pack.channels().contains(request.channel())
                || request.channel() == Channel.VOICE && request.prerecorded() && automated;
    }
}
