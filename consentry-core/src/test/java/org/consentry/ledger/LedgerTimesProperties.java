package org.consentry.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link LedgerTimes#parse} answers exactly as {@link Instant#parse}, on the ledger's own instants and on anything else. */
class LedgerTimesProperties {

    @Property(tries = 3000)
    void readsBackEveryInstantTheLedgerWrites(@ForAll("instants") Instant instant) {
        assertThat(LedgerTimes.parse(instant.toString())).isEqualTo(instant);
    }

    @Property(tries = 3000)
    void writesEveryInstantAsInstantToStringDoes(@ForAll("anyInstants") Instant instant) {
        assertThat(LedgerTimes.format(instant)).isEqualTo(instant.toString());
    }

    @Provide
    Arbitrary<Instant> anyInstants() {
        return Arbitraries.oneOf(instants(), net.jqwik.api.Combinators.combine(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond),
                Arbitraries.of(Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("0999-12-31T23:59:59.999999999Z"),
                        Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.EPOCH,
                        Instant.parse("1969-12-31T23:59:59.000001Z")));
    }

    @Property(tries = 5000)
    void agreesWithInstantParseOnDamagedText(@ForAll("instants") Instant instant, @ForAll @IntRange(min = 0, max = 40) int position,
                                             @ForAll("characters") char replacement) {
        String text = instant.toString();
        String damaged = position < text.length() ? text.substring(0, position) + replacement + text.substring(position + 1)
                : text + replacement;
        assertSameAnswer(damaged);
    }

    @Property(tries = 3000)
    void agreesWithInstantParseOnAnyText(@ForAll("lookAlikes") String text) {
        assertSameAnswer(text);
    }

    @Example
    void readsTheLimitsOfEachField() {
        for (String text : new String[] {"2024-02-29T23:59:59.999999999Z", "2023-02-29T00:00:00Z", "2026-12-31T24:00:00Z",
                "2026-06-30T23:59:60Z", "1000-01-01T00:00:00Z", "0999-12-31T23:59:59Z", "9999-12-31T23:59:59.1Z", "2026-04-31T10:00:00Z",
                "2026-13-01T10:00:00Z", "2026-00-01T10:00:00Z", "2026-01-00T10:00:00Z", "2026-01-01T10:00:00.Z",
                "2026-01-01T10:00:00.1234567890Z", "2026-01-01t10:00:00z", "2026-01-01T10:00:00+01:00", "2100-02-29T00:00:00Z",
                "2000-02-29T00:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "2026-01-01T10:00:00.-1Z",
                "2026-01-01T10:00:00.1x2Z"}) {
            assertSameAnswer(text);
        }
    }

    private static void assertSameAnswer(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> LedgerTimes.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(LedgerTimes.parse(text)).as(text).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(Instant.parse("1000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999_999));
        Arbitrary<Long> recent = Arbitraries.longs().between(1_500_000_000L, 2_000_000_000L);
        return net.jqwik.api.Combinators.combine(Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, seconds), net.jqwik.api.Tuple.of(3, recent)), nanos)
                .as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Character> characters() {
        return Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', '.', 'T', 't', 'Z', 'z', '+', ' ', '/', 'a', '\u0661');
    }

    @Provide
    Arbitrary<String> lookAlikes() {
        return Arbitraries.strings().withChars("0123456789-:.TZ+").ofMinLength(0).ofMaxLength(32);
    }
}
