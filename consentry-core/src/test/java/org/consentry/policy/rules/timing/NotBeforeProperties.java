package org.consentry.policy.rules.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.consentry.policy.Channel;
import org.consentry.policy.Decision;
import org.consentry.policy.Facts;
import org.consentry.policy.PolicyEngine;
import org.consentry.policy.Rule;
import org.consentry.policy.Rulebook;
import org.consentry.policy.SendRequest;
import org.consentry.policy.Verdict;
import org.consentry.recipient.Recipient;
import org.consentry.tenant.DailyHours;
import org.consentry.tenant.TenantSettings;
import org.consentry.testing.SendRequests;

/**
 * The timing rules together, every state, country and tenant pack, with and without a state named and a
 * prerecorded voice: a deferred send's {@code not_before} is the
 * earliest lawful minute. Checked again at {@code not_before} the same send is allowed, and at every sampled
 * minute between the check and {@code not_before} it is not.
 */
class NotBeforeProperties {

    private static final PolicyEngine TIMING = new PolicyEngine(new Rulebook(timingRules()));
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

    private static List<Rule> timingRules() {
        List<Rule> rules = new ArrayList<>();
        for (QuietHoursPack pack : QuietHoursPack.load()) {
            rules.add(new QuietHoursRule(pack));
        }
        rules.add(new TenantQuietHoursRule());
        return rules;
    }

    /** A number in each pack's jurisdiction, and in zones that split, that keep no DST or that keep odd offsets. */
    @Provide
    Arbitrary<String> recipients() {
        return Arbitraries.of(
                "+13055550100", "+17135550100", "+12055550100", "+14015550100", "+14165550100", "+14025550100",
                "+19075550100", "+18502000100", "+14125550100", "+18015550100", "+15045550100", "+16015550100",
                "+16025550100", "+18085550100", "+19285550100", "+13065550100", "+16045550100", "+12505550100",
                "+12085550100", "+17755550100", "+14055550100", "+12705550100", "+12075550100", "+13125550100",
                "+19065550100", "+14185550100", "+17095550100", "+18675550100", "+15035550100", "+12065550100",
                "+15055550100", "+17025550100", "+16175550100", "+12035550100", "+12015550100", "+13015550100",
                "+15025550100", "+16125550100", "+13135550100", "+12135550100", "+12125550100", "+33123456789",
                "+33612345678", "+33712345678", "+15145550100", "+19155550100", "+14325550100");
    }

    @Provide
    Arbitrary<Channel> phoneChannels() {
        return Arbitraries.of(Channel.SMS, Channel.MMS, Channel.VOICE, Channel.IVR, Channel.RVM);
    }

    /** The same facts for a number whose state is unknown: every state's pack binds it, in its zones. */
    private static Facts withoutState(Facts known) {
        Recipient stateless = new Recipient(known.recipient().raw(), known.recipient().address(), known.recipient().zones(),
                known.recipient().country(), Set.of(), known.recipient().lineType());
        return new Facts(stateless, known.tenant(), known.sender(), known.emailDomains(), known.contact(), known.registry(),
                known.content(), known.activity(), known.unavailable());
    }

    /** No state named (the area code places the number), or one named that may differ from the area code's. */
    @Provide
    Arbitrary<String> states() {
        return Arbitraries.of("", "", "", "CA", "TX", "FL", "MS", "RI", "PA", "NE", "AK", "HI", "AZ", "BC", "SK", "NL");
    }

    @Property(tries = 1_000) // about 40 ms a case (one without a time tries every quarter-hour of two weeks): 40 s
    void atNotBeforeTheSendIsAllowedAndNotAMinuteEarlier(@ForAll("recipients") String to, @ForAll("phoneChannels") Channel channel,
                                                         @ForAll("states") String state, @ForAll boolean prerecorded,
                                                         @ForAll boolean stateless,
                                                         @ForAll @IntRange(min = 0, max = 3 * 366 * 24 * 60) int minute,
                                                         @ForAll @IntRange(min = 0, max = 2) int seconds,
                                                         @ForAll @IntRange(min = 7 * 4, max = 22 * 4) int tenantStart,
                                                         @ForAll @IntRange(min = 1, max = 13 * 4) int tenantLength,
                                                         @ForAll boolean tenantHours) {
        Instant at = FROM.plus(Duration.ofMinutes(minute)).plusSeconds(seconds * 29L);
        TenantSettings settings = TenantSettings.DEFAULTS;
        if (tenantHours && tenantStart + tenantLength < 24 * 4) {
            LocalTime start = LocalTime.of(tenantStart / 4, tenantStart % 4 * 15);
            LocalTime end = LocalTime.of((tenantStart + tenantLength) / 4, (tenantStart + tenantLength) % 4 * 15);
            settings = new TenantSettings(false, false, false, List.of(), new DailyHours(start, end), 60, 0);
        }
        SendRequests send = marketingSms().channel(channel).prerecorded(prerecorded).to(to).at(at);
        SendRequest request = (state.isEmpty() ? send : send.state(state)).build();
        Facts facts = facts().settings(settings).of(request);
        if (stateless && facts.recipient().country() != null && facts.recipient().country().equals("US")) {
            facts = withoutState(facts);
        }
        Verdict verdict = TIMING.evaluate(request, facts);
        if (verdict.decision() != Decision.DEFER) {
            return;
        }
        if (verdict.notBefore() == null) {
            // no time named: the zone is unknown, or no quarter-hour of the next two weeks is lawful
            if (!facts.recipient().zones().isEmpty()) {
                Instant quarter = Instant.ofEpochSecond(at.getEpochSecond() / 900 * 900 + 900);
                for (Instant t = quarter; t.isBefore(at.plus(Duration.ofDays(14))); t = t.plusSeconds(900)) {
                    assertThat(TIMING.evaluate(request.at(t), facts).decision())
                            .as(to + " " + channel + " at " + at + ": no not_before, but " + t + " is lawful").isNotEqualTo(Decision.ALLOW);
                }
            }
            return;
        }
        Instant notBefore = verdict.notBefore();
        assertThat(notBefore).as("not_before of " + request + " " + verdict).isAfter(at);
        Verdict then = TIMING.evaluate(request.at(notBefore), facts);
        assertThat(then.decision()).as(to + " " + channel + " at " + at + ": not_before " + notBefore + " " + then.reasons())
                .isEqualTo(Decision.ALLOW);
        for (Instant earlier : List.of(notBefore.minusSeconds(60), notBefore.minusSeconds(1), at.plus(Duration.between(at, notBefore).dividedBy(2)))) {
            if (!earlier.isBefore(at)) {
                assertThat(TIMING.evaluate(request.at(earlier), facts).decision())
                        .as(to + " " + channel + " at " + at + ": not_before " + notBefore + " but " + earlier + " is lawful")
                        .isNotEqualTo(Decision.ALLOW);
            }
        }
    }
}
