package org.consentry.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 5322 3.4 address lists, as originator headers carry them. */
class AddressListParserTest {

    private final AddressListParser parser = new AddressListParser(new EmailAddressParser());

    private String read(String header) {
        return parser.parse(header).map(list -> String.join(" ", list.stream().map(EmailAddress::canonical).toList())).orElse(null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a bare address                        | news@acme.example                                       | news@acme.example",
            "in angle brackets, no name            | <News@ACME.example>                                     | news@acme.example",
            "a display name                        | Acme News <news@acme.example>                           | news@acme.example",
            "a quoted name with a comma and <      | \"Acme, Inc. <sales>\" <news@acme.example>               | news@acme.example",
            "a quoted name with an escaped quote   | \"Acme \\\"News\\\"\" <news@acme.example>                | news@acme.example",
            "a UTF-8 name                          | Café Acme <news@acme.example>                           | news@acme.example",
            "an encoded word                       | =?utf-8?Q?Caf=C3=A9?= <news@acme.example>               | news@acme.example",
            "a trailing comment                    | news@acme.example (Acme News)                           | news@acme.example",
            "nested comments and a tab             | (a (b) c) Acme\t<news@acme.example> (x)                 | news@acme.example",
            "spaces inside the brackets            | Acme < news@acme.example >                              | news@acme.example",
            "two mailboxes                         | Acme <news@acme.example>, \"Bob\" <news@bob.example>     | news@acme.example news@bob.example",
            "a group among mailboxes               | a@acme.example, Team: b@bob.example, <c@acme.example>; | a@acme.example b@bob.example c@acme.example",
            "an empty group                        | undisclosed-recipients:;                                | ''",
            "a domain in another script (RFC 6532) | Bücher <news@bücher.example>                            | news@xn--bcher-kva.example",
    })
    void readsEveryAddress(String description, String header, String addresses) {
        assertThat(read(header)).isEqualTo(addresses);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "<>", "news", "news@", "Acme News", "Acme <news@acme.example", "Acme news@acme.example>",
            "\"Acme <news@acme.example>", "(Acme <news@acme.example>", "news@acme.example,", ", news@acme.example",
            "a@acme.example,,b@acme.example", "news@bob.example <news@acme.example>", "a@b@acme.example",
            "<news@acme.example> Acme", "<@route.example:news@acme.example>", "\"news\"@acme.example",
            "news@[192.0.2.1]", "Team: a@acme.example", "A: B: a@acme.example;;",
            ": a@acme.example;", "a@acme.example;", "Acme [x] <news@acme.example>", "news@acme.example\\",
            "Acme <<news@acme.example>>", "news (x) @acme.example", "Acme <news@acme.example>)", "\u0000<news@acme.example>"})
    void refusesWhatIsNotAnAddressList(String header) {
        assertThat(parser.parse(header)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void readsAFoldedHeader() {
        assertThat(read("Acme News\r\n <news@acme.example>,\r\n\tb@bob.example")).isEqualTo("news@acme.example b@bob.example");
    }

    @org.junit.jupiter.api.Test
    void refusesNoHeaderAtAll() {
        assertThat(parser.parse(null)).isEmpty();
        assertThat(parser.parse("a@acme.example")).hasValue(List.of(new EmailAddress("a", "acme.example")));
    }
}
