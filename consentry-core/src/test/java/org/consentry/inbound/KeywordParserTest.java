package org.consentry.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordParserTest {

    private final KeywordParser parser = KeywordParser.load();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "STOP, OPT_OUT", "STOPALL, OPT_OUT", "UNSUBSCRIBE, OPT_OUT", "CANCEL, OPT_OUT", "END, OPT_OUT",
            "QUIT, OPT_OUT", "REVOKE, OPT_OUT", "OPTOUT, OPT_OUT",
            "START, OPT_IN", "UNSTOP, OPT_IN", "YES, CONFIRM", "HELP, HELP", "INFO, HELP",
    })
    void knowsEveryCtiaKeyword(String body, KeywordAction action) {
        assertThat(parser.parse(body)).hasValueSatisfying(keyword -> {
            assertThat(keyword.word()).isEqualTo(body);
            assertThat(keyword.action()).isEqualTo(action);
        });
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"stop", "Stop", " STOP ", "Stop.", "STOP!", "\"stop\"", "stop\n", "Help?"})
    void ignoresCaseSpacesAndSurroundingPunctuation(String body) {
        assertThat(parser.parse(body)).isPresent();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "STOPP", "ST OP", "stop it", "please stop", "don't stop", "yes please", "STOP STOP", "opt out"})
    void aKeywordMustBeTheWholeReply(String body) {
        assertThat(parser.parse(body)).isEmpty();
    }

    @Property(tries = 2000)
    void neverThrows(@ForAll String body) {
        parser.parse(body);
    }
}
