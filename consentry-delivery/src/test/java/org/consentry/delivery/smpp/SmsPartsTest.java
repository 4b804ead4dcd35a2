package org.consentry.delivery.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A text's encoding and its cut into parts: 160 septets or 70 UCS-2 units whole, 153 or 67 a part. */
class SmsPartsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "GSM-7 one under a single message,  a, 159, GSM_7, 1",
            "GSM-7 a full single message,       a, 160, GSM_7, 1",
            "GSM-7 one over: two parts,         a, 161, GSM_7, 2",
            "GSM-7 two full parts,              a, 306, GSM_7, 2",
            "GSM-7 one over two parts,          a, 307, GSM_7, 3",
            "UCS-2 one under a single message,  ж, 69,  UCS_2, 1",
            "UCS-2 a full single message,       ж, 70,  UCS_2, 1",
            "UCS-2 one over: two parts,         ж, 71,  UCS_2, 2",
            "UCS-2 two full parts,              ж, 134, UCS_2, 2",
            "UCS-2 one over two parts,          ж, 135, UCS_2, 3"})
    void aTextGoesWholeUntilItsRoomIsFull(String description, String character, int length, SmsEncoding encoding, int parts) {
        SmsParts cut = SmsParts.of(character.repeat(length));
        assertThat(cut.encoding()).isEqualTo(encoding);
        assertThat(cut.texts()).hasSize(parts);
        assertThat(cut.concatenated()).isEqualTo(parts > 1);
    }

    @Test
    void anExtensionCharacterCountsTwoSeptets() {
        assertThat(SmsParts.of("a".repeat(158) + "€").texts()).hasSize(1); // 160 septets
        assertThat(SmsParts.of("a".repeat(159) + "€").texts()).hasSize(2); // 161 septets
    }

    @Test
    void anExtensionCharacterThatWouldStraddleACutGoesToTheNextPart() {
        SmsParts cut = SmsParts.of("a".repeat(152) + "€" + "b".repeat(10));
        assertThat(cut.texts()).containsExactly("a".repeat(152), "€" + "b".repeat(10));
    }

    @Test
    void aSurrogatePairThatWouldStraddleACutGoesToTheNextPart() {
        SmsParts cut = SmsParts.of("ж".repeat(66) + "😀" + "ж".repeat(10));
        assertThat(cut.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(cut.texts()).containsExactly("ж".repeat(66), "😀" + "ж".repeat(10));
    }

    @Test
    void oneCharacterOutsideGsmMakesTheWholeTextUcs2() {
        assertThat(SmsParts.of("Hello Zoé, see you at 5 — Acme").encoding()).isEqualTo(SmsEncoding.UCS_2); // the em dash
        assertThat(SmsParts.of("Hello Zoé, see you at 5 - Acme").encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(SmsParts.of("").texts()).containsExactly("");
    }

    @Test
    void ucs2IsBigEndianUtf16AndReadsBack() {
        assertThat(SmsEncoding.UCS_2.encode("Ж😀")).containsExactly(0x04, 0x16, 0xD8, 0x3D, 0xDE, 0x00);
        assertThat(SmsEncoding.decode((byte) 0x08, new byte[] {0x04, 0x16, (byte) 0xD8, 0x3D, (byte) 0xDE, 0x00}, 0)).isEqualTo("Ж😀");
        assertThat(SmsEncoding.decode((byte) 0x03, new byte[] {0x53, (byte) 0xE9}, 0)).isEqualTo("Sé"); // Latin-1
        assertThat(SmsEncoding.decode((byte) 0x00, new byte[] {0x00, 0x1B, 0x65}, 0)).isEqualTo("@€");
    }

    @Property(tries = 1_000)
    void thePartsOfAnyTextJoinBackIntoItEachFittingItsRoom(@ForAll("texts") String text) {
        SmsParts cut = SmsParts.of(text);
        SmsEncoding encoding = cut.encoding();

        assertThat(String.join("", cut.texts())).isEqualTo(text);
        assertThat(encoding).isEqualTo(GsmAlphabet.encodes(text) ? SmsEncoding.GSM_7 : SmsEncoding.UCS_2);
        if (cut.concatenated()) {
            assertThat(encoding.length(text)).isGreaterThan(encoding.single);
            assertThat(cut.texts()).allSatisfy(part -> assertThat(encoding.length(part)).isBetween(1, encoding.perPart));
        } else {
            assertThat(encoding.length(text)).isLessThanOrEqualTo(encoding.single);
        }
        List<String> parts = cut.texts();
        for (int i = 0; i + 1 < parts.size(); i++) {
            String before = parts.get(i);
            String after = parts.get(i + 1);
            assertThat(Character.isHighSurrogate(before.charAt(before.length() - 1)) && Character.isLowSurrogate(after.charAt(0)))
                    .as("a surrogate pair split between parts %d and %d", i + 1, i + 2).isFalse();
        }
        for (String part : parts) {
            byte[] bytes = encoding.encode(part);
            assertThat(bytes.length).isEqualTo(encoding == SmsEncoding.GSM_7 ? encoding.length(part) : 2 * part.length());
            assertThat(SmsEncoding.decode(encoding.dataCoding, bytes, 0)).isEqualTo(part); // no escape pair cut in two
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> gsm = Arbitraries.of("a", "Z", " ", "7", "@", "£", "é", "Ñ", "\n", "€", "{", "}", "[", "]", "~", "|", "^", "\\");
        Arbitrary<String> other = Arbitraries.of("ж", "ê", "中", "—", "😀", "👋🏽", "\uD83D", "\uDE00");
        Arbitrary<String> mixed = Arbitraries.frequencyOf(Tuple.of(8, gsm), Tuple.of(1, other));
        Arbitrary<String> gsmOnly = gsm.list().ofMaxSize(600).map(tokens -> String.join("", tokens));
        Arbitrary<String> anything = mixed.list().ofMaxSize(600).map(tokens -> String.join("", tokens));
        return Arbitraries.oneOf(gsmOnly, anything);
    }
}
