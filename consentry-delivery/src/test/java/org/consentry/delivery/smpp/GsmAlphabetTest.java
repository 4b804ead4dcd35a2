package org.consentry.delivery.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The GSM 03.38 default alphabet and extension table, code by code where it differs from ASCII. */
class GsmAlphabetTest {

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "first row          | @  | 00",
            "pound              | £  | 01",
            "dollar             | $  | 02",
            "yen                | ¥  | 03",
            "c cedilla          | Ç  | 09",
            "delta              | Δ  | 10",
            "underscore         | _  | 11",
            "sigma              | Σ  | 18",
            "currency sign      | ¤  | 24",
            "inverted !         | ¡  | 40",
            "A                  | A  | 41",
            "section sign       | §  | 5F",
            "inverted ?         | ¿  | 60",
            "a grave, the last  | à  | 7F",
            "euro, extension    | €  | 1B65",
            "open brace         | {  | 1B28",
            "close brace        | }  | 1B29",
            "backslash          | \\ | 1B2F",
            "open bracket       | [  | 1B3C",
            "tilde              | ~  | 1B3D",
            "close bracket      | ]  | 1B3E",
            "pipe               | \"|\" | 1B40",
            "caret              | ^  | 1B14"})
    void eachCharacterHasItsCode(String description, String character, String hex) {
        byte[] expected = HexFormat.of().parseHex(hex);
        assertThat(GsmAlphabet.encode(character)).containsExactly(expected);
        assertThat(GsmAlphabet.septets(character.charAt(0))).isEqualTo(expected.length);
        assertThat(GsmAlphabet.decode(expected, 0, expected.length)).isEqualTo(character);
    }

    @Test
    void lineBreaksAndFormFeedAreInTheAlphabet() {
        assertThat(GsmAlphabet.encode("\n\r\f")).containsExactly(0x0A, 0x0D, 0x1B, 0x0A);
    }

    @Test
    void charactersOutsideBothTablesAreNotGsm() {
        assertThat(GsmAlphabet.encodes("Zoé, Ça va? Ñandù ÄÖÜ äöü ß Å æ ø é è ù ì ò")).isTrue();
        assertThat(GsmAlphabet.encodes("ê")).isFalse(); // e circumflex
        assertThat(GsmAlphabet.encodes("ë")).isFalse(); // e diaeresis
        assertThat(GsmAlphabet.encodes("ç")).isFalse(); // only the capital is there
        assertThat(GsmAlphabet.encodes("`")).isFalse(); // backtick
        assertThat(GsmAlphabet.encodes("Привет")).isFalse();
        assertThat(GsmAlphabet.encodes("👋")).isFalse();
        assertThat(GsmAlphabet.encodes("\u001B")).isFalse(); // the escape itself is no character
        assertThat(GsmAlphabet.septets('ê')).isZero();
        assertThatThrownBy(() -> GsmAlphabet.encode("une crêpe")).hasMessageContaining("U+ea");
    }

    @Test
    void everyDefaultCodeReadsBackToItself() {
        for (int code = 0; code < 128; code++) {
            if (code == GsmAlphabet.ESCAPE) {
                continue;
            }
            String character = GsmAlphabet.decode(new byte[] {(byte) code}, 0, 1);
            assertThat(GsmAlphabet.encode(character)).as("code %02X", code).containsExactly(code);
        }
    }

    @Test
    void anUnknownEscapeReadsAsItsDefaultCharacterAndAByteAbove127AsLatin1() {
        assertThat(GsmAlphabet.decode(new byte[] {0x1B, 0x41}, 0, 2)).isEqualTo("A");
        assertThat(GsmAlphabet.decode(new byte[] {(byte) 0xE9}, 0, 1)).isEqualTo("é");
        assertThat(GsmAlphabet.decode(new byte[] {0x41, 0x1B}, 0, 2)).isEqualTo("A"); // a lone escape at the end
    }
}
