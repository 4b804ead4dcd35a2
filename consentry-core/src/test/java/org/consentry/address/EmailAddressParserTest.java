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
    })
    void acceptsDeliverableAddressesInLowerCase(String raw, String canonical) {
        assertThat(parser.parse(raw)).map(EmailAddress::canonical).hasValue(canonical);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "ana", "ana@", "@example.com", "ana@example", "ana@@example.com", "ana@exa mple.com",
            ".ana@example.com", "ana.@example.com", "a..na@example.com", "ana@-example.com", "ana@example-.com",
            "ana@example.c", "ana@example.123", "\"ana\"@example.com", "ana@[192.0.2.1]", "añá@example.com",
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
}
