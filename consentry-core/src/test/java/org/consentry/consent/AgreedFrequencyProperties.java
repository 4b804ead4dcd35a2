package org.consentry.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The agreed frequency is read from text the tenant or its form sends: any text is read or refused, never thrown on. */
class AgreedFrequencyProperties {

    @Property
    void anyTextIsReadOrRefused(@ForAll @StringLength(max = 100) String text) {
        AgreedFrequency.parse(text).ifPresent(agreed -> {
            assertThat(agreed.count()).isBetween(1, 9999);
            assertThat(agreed.period()).isBetween(Duration.ofDays(1), Duration.ofDays(AgreedFrequency.LONGEST_PERIOD_DAYS));
        });
    }

    @Property
    void aStatedCountIsReadWhateverSurroundsIt(@ForAll @IntRange(min = 1, max = 9999) int count,
                                               @ForAll("prefixes") String prefix, @ForAll("forms") String form) {
        AgreedFrequency agreed = AgreedFrequency.parse(prefix + form.formatted(count) + " Msg&data rates may apply.").orElseThrow();
        assertThat(agreed.count()).isEqualTo(count);
    }

    /** A period longer than a month is read as the same rate (or a lower one) over 30 days. */
    @Property(tries = 1_000)
    void aLongPeriodIsReadAsItsShareOfAMonthNeverMore(@ForAll @IntRange(min = 1, max = 500) int count,
                                                      @ForAll @IntRange(min = 1, max = 400) int days) {
        AgreedFrequency agreed = AgreedFrequency.parse("up to " + count + " msgs every " + days + " days").orElseThrow();
        if (days <= AgreedFrequency.LONGEST_PERIOD_DAYS) {
            assertThat(agreed.count()).isEqualTo(count);
            assertThat(agreed.period()).isEqualTo(Duration.ofDays(days));
        } else {
            assertThat(agreed.period()).isEqualTo(Duration.ofDays(AgreedFrequency.LONGEST_PERIOD_DAYS));
            // its rate is not above the agreed one (but one send a month stays allowed)
            assertThat(agreed.count() == 1 || (long) agreed.count() * days <= (long) count * AgreedFrequency.LONGEST_PERIOD_DAYS)
                    .as("%d per %d days read as %d per 30", count, days, agreed.count()).isTrue();
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> prefixes() {
        return net.jqwik.api.Arbitraries.of(List.of("", "Msg frequency: ", "Recurring messages, up to ", "Acme alerts: "));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> forms() {
        return net.jqwik.api.Arbitraries.of(List.of("%d/month", "%d msgs/wk", "%d texts per week", "%d times a day", "%dx/week",
                "%d messages monthly", "%d promotional messages per month", "%d msgs every 3 days", "%d texts per 2 weeks"));
    }
}
