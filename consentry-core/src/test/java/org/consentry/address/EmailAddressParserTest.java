package org.consentry.address;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressParserTest {

    private final EmailAddressParser parser = new EmailAddressParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ana@example.com,              ana@example.com",
            "Ana.Lopez+news@Example.COM,   ana.lopez+news@example.com",
            "o'brien@mail.example.co.uk,   o'brien@mail.example.co.uk",
            "x@xn--bcher-kva.example,      x@xn--bcher-kva.example",
            "user@sub-domain.example.io,   user@sub-domain.example.io",
            "ana@bücher.example,           ana@xn--bcher-kva.example",
            "Ana@BÜCHER.Example,           ana@xn--bcher-kva.example",
            "ana@münchen.xn--p1ai,         ana@xn--mnchen-3ya.xn--p1ai",
            "ana@пример.рф,                ana@xn--e1afmkfd.xn--p1ai",
    })
    void acceptsDeliverableAddressesInLowerCase(String raw, String canonical) {
        assertThat(parser.parse(raw)).map(EmailAddress::canonical).hasValue(canonical);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "ana", "ana@", "@example.com", "ana@example", "ana@@example.com", "ana@exa mple.com",
            ".ana@example.com", "ana.@example.com", "a..na@example.com", "ana@-example.com", "ana@example-.com",
            "ana@example.c", "ana@example.123", "\"ana\"@example.com", "ana@[192.0.2.1]", "añá@example.com", "ana@bü cher.example",
            "ana@bücher", "ana@-bücher.example", "ana@bücher..example", "ana@\u00a0.example",
            "ana@example..com"})
    void refusesWhatCannotBeVouchedFor(String raw) {
        assertThat(parser.parse(raw)).isEmpty();
    }

    @ParameterizedTest(name = "local part of {0} characters")
    @CsvSource({"63, true", "64, true", "65, false"})
    void limitsTheLocalPartTo64Characters(int length, boolean valid) {
        assertThat(parser.parse("a".repeat(length) + "@example.com").isPresent()).isEqualTo(valid);
    }

    @Property(tries = 2000)
    void neverThrows(@ForAll String raw) {
        parser.parse(raw);
    }

    /** Whatever was typed, what is kept is ASCII, and reads back as itself. */
    @Property(tries = 3000)
    void aCanonicalAddressIsAsciiAndReadsAsItself(@ForAll("typed") String raw) {
        parser.parse(raw).ifPresent(address -> {
            assertThat(address.canonical()).matches("[\\x21-\\x7e]+").hasSizeLessThanOrEqualTo(254);
            assertThat(parser.parse(address.canonical())).map(EmailAddress::canonical).hasValue(address.canonical());
        });
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> typed() {
        net.jqwik.api.Arbitrary<String> label = net.jqwik.api.Arbitraries.strings().withChars("abcxyzüéßпримерΑΒ-0".toCharArray())
                .ofMinLength(1).ofMaxLength(12);
        net.jqwik.api.Arbitrary<String> local = net.jqwik.api.Arbitraries.strings().withChars("anx.+_-".toCharArray()).ofMinLength(1).ofMaxLength(10);
        return net.jqwik.api.Combinators.combine(local, label.list().ofMinSize(1).ofMaxSize(3), net.jqwik.api.Arbitraries.of("com", "example", "xn--p1ai", "рф", "de"))
                .as((l, labels, top) -> l + "@" + String.join(".", labels) + "." + top);
    }
}
