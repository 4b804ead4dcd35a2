package org.consentry.content;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

/** The word reader reads a body as the reader before it did ({@link WordsReference}), in both readings. */
class WordsTest {

    @Test
    void wordsAreLowerCaseSplitAtJoinersWithLeetspeakReadAsLetters() {
        Words.Reading reading = Words.read("Bench: FR33 sp1ns at c4sino-night, e-juice $5 only! Visit www.bench.example or ana@bench.example");
        assertThat(reading.words()).containsExactly("bench", "free", "spins", "at", "casino", "night", "e", "juice", "5", "only", "visit", "or");
        assertThat(reading.raw()).containsExactly("bench", "fr33", "sp1ns", "at", "c4sino", "night", "e", "juice", "5", "only", "visit",
                "or");
    }

    @Test
    void aBodyWithoutLeetspeakHasOneListForBothReadings() {
        Words.Reading reading = Words.read("your code is 123456, it's valid for 10 minutes");
        assertThat(reading.raw()).isSameAs(reading.words());
        assertThat(reading.words()).containsExactly("your", "code", "is", "123456", "it's", "valid", "for", "10", "minutes");
    }

    @Property(tries = 3_000)
    void piecesOfMessagesAreReadAsBefore(@ForAll("texts") String text) {
        assertSameAsReference(text);
    }

    @Property(tries = 3_000)
    void anyCharactersAreReadAsBefore(
            @ForAll @Chars({'.', ':', '/', '-', '_', '?', '=', '&', '%', '#', '$', '@', '\'', '!', ' ', '\t', '<', '>', 'A', 'Z',
                '0', '1', '3', '4', '5', '7', '9', 'w', 'W', '\u00e9', '\u00c9', '\u0430', '\u00a0', '\u200b'})
            @CharRange(from = 'a', to = 'e') String text) {
        assertSameAsReference(text);
    }

    private static void assertSameAsReference(String text) {
        Words.Reading reading = Words.read(text);
        WordsReference.ReferenceReading reference = WordsReference.read(text);
        assertThat(reading.words()).isEqualTo(reference.words());
        assertThat(reading.raw()).isEqualTo(reference.raw());
        assertThat(reading.raw() == reading.words()).isEqualTo(reference.raw() == reference.words());
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (reading.collapsed()) {
            assertThat(ContentAnalyzer.collapse(lower, false)).isSameAs(lower);
        } else if (text.chars().allMatch(c -> c < 128 && c != '&' && c != '<')) {
            assertThat(ContentAnalyzer.collapse(lower, false)).isNotSameAs(lower);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.of("Bench", "bench", "SALE", "c4sino", "fr33", "$5", "$$", "@", "ana@bench.example", "www.",
                "https://", "bench.example/x?c=1", ".com", ":", ".", "-", "e-juice", "it's", "'quoted'", "''", "'", "v-i-a-g-r-a",
                "c.a.s.i.n.o", "p i n", "1 2 3 4", "x x x", "c 4 s 1 n 0", " ", "  ", "\n", "\u00a0", "<b>", "</b>", "<a href=\"x\">", "&amp;",
                "caf\u00e9", "\u0441asino", "\uff43asino", "2026", "10:30", "3.5", "50%", "#1", "a_b", "q?x=1&y=2", "!", "WOW", "O0", "l33t");
        return piece.list().ofMaxSize(30).map(pieces -> String.join("", pieces));
    }
}
