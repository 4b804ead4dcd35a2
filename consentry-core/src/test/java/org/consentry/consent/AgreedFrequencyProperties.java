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
            assertThat(agreed.period()).isIn(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30));
        });
    }

    @Property
    void aStatedCountIsReadWhateverSurroundsIt(@ForAll @IntRange(min = 1, max = 9999) int count,
                                               @ForAll("prefixes") String prefix, @ForAll("forms") String form) {
        AgreedFrequency agreed = AgreedFrequency.parse(prefix + form.formatted(count) + " Msg&data rates may apply.").orElseThrow();
        assertThat(agreed.count()).isEqualTo(count);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> prefixes() {
        return net.jqwik.api.Arbitraries.of(List.of("", "Msg frequency: ", "Recurring messages, up to ", "Acme alerts: "));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> forms() {
        return net.jqwik.api.Arbitraries.of(List.of("%d/month", "%d msgs/wk", "%d texts per week", "%d times a day", "%dx/week",
                "%d messages monthly", "%d promotional messages per month"));
    }
}
