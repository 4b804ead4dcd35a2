package org.consentry.policy.rules.frequency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Duration;
import java.time.Instant;
import org.consentry.consent.AgreedFrequency;
import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.testing.TestFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentFrequencyRuleTest {

    private static final Instant NOW = Instant.parse("2026-03-14T17:00:00Z");
    private final ConsentFrequencyRule rule = new ConsentFrequencyRule();

    private static TestFacts sentDaysAgo(int count) {
        TestFacts facts = facts().agreedFrequency("4/month");
        for (int i = 1; i <= count; i++) {
            facts.sent(NOW.minus(Duration.ofDays(i * 5L)), Channel.SMS, Purpose.MARKETING, null, "Acme offer " + i);
        }
        return facts;
    }

    @ParameterizedTest(name = "{0} in the last 30 days: deferred={1}")
    @CsvSource({"3, false", "4, true"})
    void noMoreThanTheAgreedFrequency(int earlier, boolean deferred) {
        SendRequest request = marketingSms().at(NOW).build();
        assertThat(rule.check(request, sentDaysAgo(earlier).of(request)).passed()).isEqualTo(!deferred);
    }

    @Test
    void waitsUntilTheOldestLeavesTheRollingMonth() {
        SendRequest request = marketingSms().at(NOW).build();
        Outcome outcome = rule.check(request, sentDaysAgo(4).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.FREQUENCY_CAP);
        assertThat(outcome.notBefore()).isEqualTo(NOW.minus(Duration.ofDays(20)).plus(Duration.ofDays(30)));
        assertThat(outcome.reason().message()).contains("agreed to 4/month");
    }

    @ParameterizedTest(name = "{0} committed for the next 30 days: deferred={1}")
    @CsvSource({"3, false", "4, true"})
    void sendsCommittedForLaterCountToo(int later, boolean deferred) {
        TestFacts facts = facts().agreedFrequency("4/month");
        for (int i = 1; i <= later; i++) {
            facts.sent(NOW.plus(Duration.ofDays(i * 5L)), Channel.SMS, Purpose.MARKETING, null, "Acme offer " + i);
        }
        SendRequest request = marketingSms().at(NOW).build();
        Outcome outcome = rule.check(request, facts.of(request));
        assertThat(outcome.passed()).isEqualTo(!deferred);
        if (deferred) {
            assertThat(outcome.notBefore()).as("when the first of them is 30 days behind")
                    .isEqualTo(NOW.plus(Duration.ofDays(5)).plus(Duration.ofDays(30)));
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "4/month               | 4  | 30",
            "up to 2 msgs per week | 2  | 7",
            "1 text a day          | 1  | 1",
            "10 messages/mo        | 10 | 30",
            "Msg frequency: up to 4 msgs/month | 4 | 30",
            "Recurring msgs, up to 2 per day. Msg&data rates may apply | 2 | 1",
            "4 times a week        | 4  | 7",
            "4x/week               | 4  | 7",
            "up to 6 marketing texts per month | 6 | 30",
            "3 msgs weekly         | 3  | 7",
            "1 message daily       | 1  | 1",
            "Up to 8 alerts monthly | 8 | 30",
            "four messages a month  | 4 | 30",
            "Up to Two texts per week | 2 | 7",
            "twice a week           | 2 | 7",
            "once daily             | 1 | 1",
            "1 msg every 2 weeks    | 1 | 14",
            "up to 3 msgs per 10 days | 3 | 10",
            "2 msgs biweekly        | 2 | 14",
            "up to 12 msgs/year     | 1 | 30",
            "24 texts annually      | 1 | 30",
            "up to 40 msgs per year | 3 | 30",
            "6 alerts quarterly     | 1 | 30",
            "4 msgs every 2 months  | 2 | 30",
            "2 per 30 days          | 2 | 30",
            "3 per 31 days          | 2 | 30",
    })
    void readsTheUsualWaysOfStatingAFrequency(String text, int count, long days) {
        AgreedFrequency agreed = AgreedFrequency.parse(text).orElseThrow();
        assertThat(agreed.count()).isEqualTo(count);
        assertThat(agreed.period()).isEqualTo(Duration.ofDays(days));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "an older consent without terms, a newer one agreeing to 2/week: 2 sent, deferred | none   | 2/week  | 2 | true",
            "an older consent agreeing to 2/week, a newer one without terms: 2 sent, deferred | 2/week | none    | 2 | true",
            "2/week and 4/month: 2 sent this week, deferred                                 | 4/month | 2/week | 2 | true",
            "2/week and 4/month: 1 sent this week, allowed                                  | 4/month | 2/week | 1 | false",
            "neither names a frequency: allowed                                             | none   | none    | 5 | false",
    })
    void everyActiveConsentsAgreedFrequencyHolds(String description, String older, String newer, int sentThisWeek, boolean deferred) {
        TestFacts facts = facts().smsMarketingConsent(Instant.parse("2026-01-10T15:00:00Z"), older)
                .smsMarketingConsent(Instant.parse("2026-02-10T15:00:00Z"), newer);
        for (int i = 1; i <= sentThisWeek; i++) {
            facts.sent(NOW.minus(Duration.ofDays(i)), Channel.SMS, Purpose.MARKETING, null, "Acme offer " + i);
        }
        SendRequest request = marketingSms().at(NOW).build();
        Outcome outcome = rule.check(request, facts.of(request));
        assertThat(outcome.passed()).as(description).isEqualTo(!deferred);
        if (deferred) {
            assertThat(outcome.reason().message()).contains("agreed to 2/week");
            assertThat(outcome.notBefore()).isEqualTo(NOW.minus(Duration.ofDays(sentThisWeek)).plus(Duration.ofDays(7)));
        }
    }

    @Test
    void anUnreadableFrequencyCapsNothing() {
        assertThat(AgreedFrequency.parse("recurring messages")).isEmpty();
        assertThat(AgreedFrequency.parse("Msg frequency varies. Someone will text you")).isEmpty();
        assertThat(AgreedFrequency.parse("0 msgs every 0 weeks")).isEmpty();
        SendRequest request = marketingSms().at(NOW).build();
        assertThat(rule.check(request, facts().of(request)).passed()).isTrue();
    }
}
