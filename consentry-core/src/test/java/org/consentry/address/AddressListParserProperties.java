package org.consentry.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any text is read as a list of addresses EmailAddressParser accepts, or refused; nothing makes the parser throw. */
class AddressListParserProperties {

    private static final EmailAddressParser MAILBOXES = new EmailAddressParser();
    private static final AddressListParser PARSER = new AddressListParser(MAILBOXES);
    private static final List<String> HEADERS = List.of("Acme News <news@acme.example>",
            "\"Acme, Inc.\" <news@acme.example>, b@bob.example (Bob)", "Team: a@acme.example, <b@acme.example>;",
            "(c (d)) news@acme.example", "undisclosed-recipients:;", "<bounce+123@mail.acme.example>");

    private static void readsOrRefuses(String header) {
        Optional<List<EmailAddress>> addresses = PARSER.parse(header);
        addresses.ifPresent(list -> assertThat(list).allSatisfy(address ->
                assertThat(MAILBOXES.parse(address.canonical())).hasValue(address)));
    }

    @Property(tries = 2_000)
    void randomTextIsReadOrRefused(@ForAll String header) {
        readsOrRefuses(header);
    }

    @Property(tries = 3_000)
    void mutatedHeadersAreReadOrRefused(@ForAll("mutations") String header) {
        readsOrRefuses(header);
    }

    @Property(tries = 1_000)
    void aListOfAddressesReadsBackInOrder(@ForAll("addresses") List<String> mailboxes) {
        String header = String.join(", ", mailboxes.stream().map(m -> "\"Name, " + m.length() + "\" <" + m + ">").toList());
        assertThat(PARSER.parse(header)).hasValueSatisfying(list ->
                assertThat(list.stream().map(EmailAddress::canonical).toList()).isEqualTo(mailboxes));
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<String> header = Arbitraries.of(HEADERS);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 200);
        Arbitrary<Integer> length = Arbitraries.integers().between(0, 10);
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(6),
                Arbitraries.of("<", ">", "\"", "\\", "(", ")", ",", ":", ";", "@", " ", "\r\n ", "<>", "\\\"", "\u0000", "\uD800"));
        return Combinators.combine(header, position, length, insert).as((original, at, cut, text) -> {
            int start = at % (original.length() + 1);
            int end = Math.min(original.length(), start + cut);
            return original.substring(0, start) + text + original.substring(end);
        });
    }

    @Provide
    Arbitrary<List<String>> addresses() {
        Arbitrary<String> local = Arbitraries.strings().withCharRange('a', 'z').withChars("0123456789+_-").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(10);
        return Combinators.combine(local, label, label).as((l, d, t) -> l + "@" + d + "." + t).list().ofMinSize(1).ofMaxSize(5);
    }
}
