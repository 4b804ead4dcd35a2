package org.consentry.policy.rules.frequency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.testing.TestFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fla. Stat. 501.616(6)(b); 15 O.S. 775C.4; Md. Com. Law 14-4503: three per 24 hours on the same subject; Oregon three on any. */
class StateFrequencyCapRuleTest {

    private static final Map<String, StateFrequencyCapRule> PACKS = FrequencyCapPack.load().stream()
            .collect(Collectors.toMap(FrequencyCapPack::id, StateFrequencyCapRule::new));
    private static final Instant NOW = Instant.parse("2026-03-14T17:00:00Z");
    private static final String MIAMI = "+13055550100";

    private static TestFacts sentHoursAgo(int count, String topic, Channel channel, double... hoursAgo) {
        TestFacts facts = facts();
        for (int i = 0; i < count; i++) {
            facts.sent(NOW.minus(Duration.ofMinutes((long) (hoursAgo[i] * 60))), channel, Purpose.MARKETING, topic, "Acme sale " + i);
        }
        return facts;
    }

    private static Outcome florida(SendRequest request, TestFacts facts) {
        return PACKS.get("us-fl").check(request, facts.of(request));
    }

    @ParameterizedTest(name = "{0} earlier sends: deferred={1}")
    @CsvSource({"2, false", "3, true", "4, true"})
    void threePerTwentyFourHoursOnTheSameTopic(int earlier, boolean deferred) {
        SendRequest request = marketingSms().to(MIAMI).topic("shoe-sale").at(NOW).build();
        Outcome outcome = florida(request, sentHoursAgo(earlier, "shoe-sale", Channel.SMS, 1, 2, 3, 4));
        assertThat(outcome.passed()).isEqualTo(!deferred);
    }

    @Test
    void aCappedSendWaitsUntilTheOldestCountedOneLeavesTheWindow() {
        SendRequest request = marketingSms().to(MIAMI).topic("shoe-sale").at(NOW).build();
        Outcome outcome = florida(request, sentHoursAgo(3, "shoe-sale", Channel.SMS, 20, 5, 1));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.FREQUENCY_CAP);
        assertThat(outcome.notBefore()).isEqualTo(NOW.minus(Duration.ofHours(20)).plus(Duration.ofHours(24)));
        assertThat(outcome.reason().evidence()).containsEntry("count", 3).containsEntry("cap", 3);
    }

    @ParameterizedTest(name = "sent {0} hours before: counted={1}")
    @CsvSource({"23.9, true", "24, false"})
    void theWindowRollsOverTwentyFourHours(double hoursAgo, boolean counted) {
        SendRequest request = marketingSms().to(MIAMI).topic("t").at(NOW).build();
        Outcome outcome = florida(request, sentHoursAgo(3, "t", Channel.SMS, hoursAgo, 2, 1));
        assertThat(outcome.passed()).isEqualTo(!counted);
    }

    /** "1, 2, 23.9" as hours. */
    private static double[] hours(String list) {
        return java.util.Arrays.stream(list.split(",")).mapToDouble(h -> Double.parseDouble(h.strip())).toArray();
    }

    private static TestFacts sentAround(double... hoursFromNow) {
        TestFacts facts = facts();
        for (double hours : hoursFromNow) {
            facts.sent(NOW.plus(Duration.ofMinutes((long) (hours * 60))), Channel.SMS, Purpose.MARKETING, "t", "Acme sale " + hours);
        }
        return facts;
    }

    @ParameterizedTest(name = "{0}: deferred={2}")
    @CsvSource(delimiter = '|', value = {
            "two committed for later                           | 1, 2          | false",
            "three committed for later within 24 hours         | 3, 4, 5       | true",
            "the third committed 23.9 hours later              | 1, 2, 23.9    | true",
            "the third committed exactly 24 hours later        | 1, 2, 24      | false",
            "one before and two after, all within 15 hours     | -5, 3, 10     | true",
            "one 20 hours before, two after: no 24 h holds all | -20, 5, 10    | false",
            "two before and one after within 24 hours          | -10, -2, 12   | true",
    })
    void sendsCommittedForLaterCountToo(String description, String hoursFromNow, boolean deferred) {
        double[] hours = hours(hoursFromNow);
        SendRequest request = marketingSms().to(MIAMI).topic("t").at(NOW).build();
        assertThat(florida(request, sentAround(hours)).passed()).as(description).isEqualTo(!deferred);
    }

    @Test
    void aSendBeforeThreeCommittedForTheEveningWaitsUntilTheFirstOfThemLeavesTheWindow() {
        Instant afternoon = Instant.parse("2026-03-14T16:30:00Z");
        SendRequest request = marketingSms().to(MIAMI).topic("t").at(afternoon).build();
        TestFacts evening = facts();
        for (String at : new String[] {"2026-03-14T20:00:00Z", "2026-03-14T21:00:00Z", "2026-03-14T22:00:00Z"}) {
            evening.sent(Instant.parse(at), Channel.SMS, Purpose.MARKETING, "t", "Acme sale at " + at);
        }
        Outcome outcome = florida(request, evening);
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.FREQUENCY_CAP);
        assertThat(outcome.notBefore()).isEqualTo(Instant.parse("2026-03-15T20:00:00Z"));
        assertThat(outcome.reason().evidence()).containsEntry("count", 3).containsEntry("oldest_counted", "2026-03-14T20:00:00Z")
                .containsEntry("newest_counted", "2026-03-14T22:00:00Z");
        assertThat(outcome.reason().message()).contains("within 24 hours of this one");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "three later: when the first of them is 24 hours behind  | 5, 10, 12      | 29",
            "one before, three later: the first later one decides    | -20, 5, 10, 12 | 29",
            "two before, one later: when the older before is behind  | -10, -2, 12    | 14",
            "three before: when the oldest leaves, as always         | -20, -5, -1    | 4",
    })
    void aCappedSendWaitsForTheEarliestMomentItFits(String description, String hoursFromNow, double notBeforeHours) {
        double[] hours = hours(hoursFromNow);
        SendRequest request = marketingSms().to(MIAMI).topic("t").at(NOW).build();
        Outcome outcome = florida(request, sentAround(hours));
        assertThat(outcome.notBefore()).as(description).isEqualTo(NOW.plus(Duration.ofMinutes((long) (notBeforeHours * 60))));
        SendRequest then = marketingSms().to(MIAMI).topic("t").at(outcome.notBefore()).build();
        assertThat(florida(then, sentAround(hours)).passed()).as("it fits at " + outcome.notBefore()).isTrue();
        SendRequest justBefore = marketingSms().to(MIAMI).topic("t").at(outcome.notBefore().minusSeconds(1)).build();
        assertThat(florida(justBefore, sentAround(hours)).passed()).as("not a second earlier").isFalse();
    }

    @Test
    void callsAndTextsCountTogether() {
        SendRequest request = marketingSms().to(MIAMI).topic("t").at(NOW).build();
        TestFacts facts = sentHoursAgo(2, "t", Channel.VOICE, 1, 2).sent(NOW.minusSeconds(600), Channel.SMS, Purpose.MARKETING, "t", "x");
        assertThat(florida(request, facts).passed()).isFalse();
    }

    @Test
    void anotherTopicDoesNotCountButAnUnknownOneDoes() {
        SendRequest request = marketingSms().to(MIAMI).topic("shoes").at(NOW).build();
        assertThat(florida(request, sentHoursAgo(3, "hats", Channel.SMS, 1, 2, 3)).passed()).isTrue();
        assertThat(florida(request, sentHoursAgo(3, null, Channel.SMS, 1, 2, 3)).passed()).isFalse();
    }

    /** A topic is one subject however its case and white space are written: "Shoe Sale" and " shoe  sale" are one. */
    @ParameterizedTest(name = "sent on \"{0}\", now \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "shoe sale     | Shoe Sale",
        "shoe sale     | ' shoe sale '",
        "shoe sale     | 'shoe  sale'",
        "shoe sale     | 'shoe\tsale'",
        "shoe sale     | 'SHOE\u00a0SALE'",
        "Straße        | STRASSE",
    })
    void aTopicWrittenWithOtherCaseOrSpacingIsTheSameTopic(String sentOn, String now) {
        SendRequest request = marketingSms().to(MIAMI).topic(now).at(NOW).build();
        assertThat(florida(request, sentHoursAgo(3, sentOn, Channel.SMS, 1, 2, 3)).passed()).isFalse();
    }

    @Test
    void bindsOnlyItsState() {
        SendRequest newYork = marketingSms().to("+12125550100").topic("t").at(NOW).build();
        assertThat(florida(newYork, sentHoursAgo(5, "t", Channel.SMS, 1, 2, 3, 4, 5)).passed()).isTrue();
        SendRequest oklahoma = marketingSms().to("+14055550100").topic("t").at(NOW).build();
        assertThat(PACKS.get("us-ok").check(oklahoma, sentHoursAgo(3, "t", Channel.SMS, 1, 2, 3).of(oklahoma)).passed()).isFalse();
        SendRequest maryland = marketingSms().to("+14105550100").topic("t").at(NOW).build();
        assertThat(PACKS.get("us-md").check(maryland, sentHoursAgo(3, "t", Channel.SMS, 1, 2, 3).of(maryland)).passed()).isFalse();
    }

    /** ORS 646.563 as amended by HB 3865 (2025): no more than three solicitations in 24 hours, whatever their subject. */
    @ParameterizedTest(name = "{0} earlier sends on other topics: deferred={1}")
    @CsvSource({"2, false", "3, true"})
    void oregonAllowsThreeSolicitationsIn24HoursWhateverTheirTopic(int earlier, boolean deferred) {
        SendRequest portland = marketingSms().to("+15035550100").topic("boots").at(NOW).build();
        TestFacts facts = facts();
        String[] topics = {"shoe-sale", "hats", "coats"};
        for (int i = 0; i < earlier; i++) {
            facts.sent(NOW.minus(Duration.ofHours(i + 1)), Channel.SMS, Purpose.MARKETING, topics[i], "Acme sale " + i);
        }
        assertThat(PACKS.values().stream().map(rule -> rule.check(portland, facts.of(portland)))
                .filter(outcome -> !outcome.passed()).map(outcome -> outcome.reason().rule()).toList())
                .isEqualTo(deferred ? java.util.List.of("frequency/us-or") : java.util.List.of());
    }

    /** Code de la consommation D. 223-9: no more than four canvassing calls or attempts in thirty calendar days. */
    @ParameterizedTest(name = "{0} earlier calls: deferred={1}")
    @CsvSource({"3, false", "4, true"})
    void franceAllowsFourCanvassingCallsInThirtyDays(int earlier, boolean deferred) {
        SendRequest paris = marketingSms().channel(Channel.VOICE).to("+33123456789").topic("boots").at(NOW).build();
        TestFacts facts = facts();
        for (int i = 0; i < earlier; i++) {
            facts.sent(NOW.minus(Duration.ofDays(7L * i + 1)), Channel.VOICE, Purpose.MARKETING, "topic " + i, "Acme call " + i);
        }
        assertThat(PACKS.values().stream().map(rule -> rule.check(paris, facts.of(paris)))
                .filter(outcome -> !outcome.passed()).map(outcome -> outcome.reason().rule()).toList())
                .isEqualTo(deferred ? java.util.List.of("frequency/fr-calls") : java.util.List.of());
    }

    @Test
    void transactionalMessagesNeitherCountNorAreCapped() {
        SendRequest transactional = marketingSms().to(MIAMI).purpose(Purpose.TRANSACTIONAL).at(NOW).build();
        assertThat(florida(transactional, sentHoursAgo(5, null, Channel.SMS, 1, 2, 3, 4, 5)).passed()).isTrue();
        TestFacts facts = facts();
        for (int i = 1; i <= 5; i++) {
            facts.sent(NOW.minusSeconds(i * 60L), Channel.SMS, Purpose.TRANSACTIONAL, "t", "receipt " + i);
        }
        SendRequest marketing = marketingSms().to(MIAMI).topic("t").at(NOW).build();
        assertThat(florida(marketing, facts).passed()).isTrue();
    }
}
