package org.consentry.store.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A link's token reads back as signed, and no other spelling of it, nor any other kind's token, reads at all. */
class SignedTokensProperties {

    private static final byte[] SECRET = "a secret of thirty-two bytes....".getBytes(StandardCharsets.US_ASCII);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    private final SignedTokens confirmations = new SignedTokens(SECRET, "confirm");

    @Property(tries = 1000)
    void aTokenReadsBackAsSigned(@ForAll("parts") List<String> parts) {
        String token = confirmations.sign(parts.toArray(String[]::new));
        assertThat(confirmations.verify(token, parts.size())).contains(parts);
        assertThat(confirmations.verify(token, parts.size() + 1)).as("another count of parts").isEmpty();
    }

    /** Found by a flaky test: the tag's last character also holds spare bits, which a decoder ignores. */
    @Property(tries = 2000)
    void aTokenWithAnyOneCharacterChangedReadsAsNothing(@ForAll("parts") List<String> parts, @ForAll @IntRange(min = 0, max = 10_000) int at,
                                                         @ForAll @IntRange(min = 1, max = 64) int shift) {
        String token = confirmations.sign(parts.toArray(String[]::new));
        int index = at % token.length();
        char changed = ALPHABET.charAt((ALPHABET.indexOf(token.charAt(index)) + shift) % ALPHABET.length());
        String forged = token.substring(0, index) + changed + token.substring(index + 1);
        assertThat(confirmations.verify(forged, parts.size())).as(forged).isEmpty();
    }

    @Property(tries = 300)
    void anotherKindsTokenReadsAsNothing(@ForAll("parts") List<String> parts) {
        SignedTokens unsubscribes = new SignedTokens(SECRET, "unsubscribe");
        assertThat(confirmations.verify(unsubscribes.sign(parts.toArray(String[]::new)), parts.size())).isEmpty();
        SignedTokens otherKey = new SignedTokens("another secret of thirty-two b..".getBytes(StandardCharsets.US_ASCII), "confirm");
        assertThat(confirmations.verify(otherKey.sign(parts.toArray(String[]::new)), parts.size())).isEmpty();
    }

    @Property(tries = 1000)
    void anyTextReadsAsNothingOrAsSigned(@ForAll("texts") String text) {
        // whatever a link's last path segment holds, reading it never throws
        assertThat(confirmations.verify(text, 2)).isEmpty();
    }

    @Test
    void aNullOrOverlongTokenReadsAsNothing() {
        assertThat(confirmations.verify(null, 1)).isEmpty();
        assertThat(confirmations.verify("A".repeat(3_000) + "." + "A".repeat(22), 1)).isEmpty();
    }

    @Provide
    Arbitrary<List<String>> parts() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("éß€\u00a0").ofMaxLength(40).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(80),
                Arbitraries.strings().ofMaxLength(80));
    }
}
