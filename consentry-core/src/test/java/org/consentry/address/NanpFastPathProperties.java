package org.consentry.address;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The NANP fast path must give exactly libphonenumber's answer: the same E.164, country code, national
 * number and region for a valid number, and "not valid" for everything else, on well-formed numbers in
 * every common format, on their mutations, and on random strings.
 */
class NanpFastPathProperties {

    private static final String[] FORMATS = {
            "+1%s%s%s", "%s%s%s", "1%s%s%s", "(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "%s %s %s", "1-%s-%s-%s",
            "+1 (%s) %s-%s", "+1-%s-%s-%s", "+1 %s %s %s", "1 (%s) %s-%s", "+1.%s.%s.%s", "(%s)%s-%s", " %s-%s-%s ",
            "+(1) %s %s %s", "+ 1 %s %s %s", "%s--%s--%s", "((%s))%s%s", "-%s-%s-%s-"};

    private final PhoneNumberParser parser = new PhoneNumberParser();

    @Property(tries = 20000)
    void wellFormedNumbersParseAsLibphonenumberParsesThem(@ForAll("formattedNanp") String raw, @ForAll("regions") String region) {
        assertThat(parser.parse(raw, region)).isEqualTo(parser.parseWithLibphonenumber(raw, region));
    }

    /** A list's rows are parsed with the national number read once, to touch its tables: the answer is the same. */
    @Property(tries = 5000)
    void numbersParsedFromTheirNationalNumberReadAheadParseAsAlone(@ForAll("mutatedNanp") String raw, @ForAll("regions") String region) {
        assertThat(parser.parse(raw, region, parser.nanpNational(raw, region))).isEqualTo(parser.parse(raw, region));
    }

    @Property(tries = 10000)
    void mutatedNumbersParseAsLibphonenumberParsesThem(@ForAll("mutatedNanp") String raw, @ForAll("regions") String region) {
        assertThat(parser.parse(raw, region)).isEqualTo(parser.parseWithLibphonenumber(raw, region));
    }

    @Property(tries = 5000)
    void randomStringsParseAsLibphonenumberParsesThem(@ForAll("phoneish") String raw, @ForAll("regions") String region) {
        assertThat(parser.parse(raw, region)).isEqualTo(parser.parseWithLibphonenumber(raw, region));
    }

    @Property(tries = 1000)
    void anyStringAtAllParsesAsLibphonenumberParsesIt(@ForAll String raw, @ForAll("regions") String region) {
        assertThat(parser.parse(raw, region)).isEqualTo(parser.parseWithLibphonenumber(raw, region));
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of("US", "CA", "PR", "AG", "JM", "GU", "GB", "FR", "DE", "ZZ", "us", "");
    }

    @Provide
    Arbitrary<String> formattedNanp() {
        Arbitrary<String> npa = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 199)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(200, 999))).map(n -> String.format("%03d", n));
        Arbitrary<String> nxx = Arbitraries.integers().between(0, 999).map(n -> String.format("%03d", n));
        Arbitrary<String> line = Arbitraries.integers().between(0, 9999).map(n -> String.format("%04d", n));
        Arbitrary<String> format = Arbitraries.of(FORMATS);
        return Combinators.combine(format, npa, nxx, line).as((f, a, b, c) -> String.format(f, a, b, c));
    }

    @Provide
    Arbitrary<String> mutatedNanp() {
        Arbitrary<Character> noise = Arbitraries.of('0', '1', '5', '9', '+', '-', '.', '(', ')', ' ', 'x', '#', '*', '/', 'a', '\u00a0', '\uff11');
        return Combinators.combine(formattedNanp(), Arbitraries.integers().between(0, 2), noise, Arbitraries.integers().between(0, 40))
                .as((raw, operation, c, position) -> {
                    int at = Math.min(position, raw.length());
                    switch (operation) {
                        case 0: return raw.substring(0, at) + c + raw.substring(at);
                        case 1: return at < raw.length() ? raw.substring(0, at) + raw.substring(at + 1) : raw;
                        default: return at < raw.length() ? raw.substring(0, at) + c + raw.substring(at + 1) : raw + c;
                    }
                });
    }

    @Provide
    Arbitrary<String> phoneish() {
        return Arbitraries.strings().withChars("0123456789+-.() x#*:;/1111222233334444555566667777").ofMinLength(0).ofMaxLength(24);
    }
}
