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

/** Fla. Stat. 501.616(6)(b); 15 O.S. 775C.4; Md. Com. Law 14-4503: three per 24 hours on the same subject. */
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

    @Test
    void bindsOnlyItsState() {
        SendRequest newYork = marketingSms().to("+12125550100").topic("t").at(NOW).build();
        assertThat(florida(newYork, sentHoursAgo(5, "t", Channel.SMS, 1, 2, 3, 4, 5)).passed()).isTrue();
        SendRequest oklahoma = marketingSms().to("+14055550100").topic("t").at(NOW).build();
        assertThat(PACKS.get("us-ok").check(oklahoma, sentHoursAgo(3, "t", Channel.SMS, 1, 2, 3).of(oklahoma)).passed()).isFalse();
        SendRequest maryland = marketingSms().to("+14105550100").topic("t").at(NOW).build();
        assertThat(PACKS.get("us-md").check(maryland, sentHoursAgo(3, "t", Channel.SMS, 1, 2, 3).of(maryland)).passed()).isFalse();
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
