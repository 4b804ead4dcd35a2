package org.consentry.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.consentry.inbound.ReplyIntent.Kind;

/** The reply classifier on random and mutated replies: always an answer, and a revocation stays one however it is written. */
class ReplyClassifierProperties {

    private static final ReplyClassifier CLASSIFIER = ReplyClassifier.load();
    private static final List<String> REVOCATIONS = List.of("stop", "unsubscribe", "cancel", "end", "quit", "revoke", "opt out",
            "stopall", "stop texting me", "leave me alone", "baja", "arret", "arrêt", "stopp", "abmelden", "no more messages");
    private static final List<String> DECORATIONS = List.of("", " ", "!", "!!!", ".", "?", " 🛑", " 😡", " 🙏", "\n", "...", " :(", "*");

    @Property(tries = 2_000)
    void anyTextGetsAnAnswerWithAReason(@ForAll String reply) {
        ReplyIntent intent = CLASSIFIER.classify(reply);
        assertThat(intent).isNotNull();
        assertThat(intent.why()).isNotBlank();
    }

    @Property(tries = 1_000)
    void anyUnicodeTextGetsAnAnswer(@ForAll("unicode") String reply) {
        assertThat(CLASSIFIER.classify(reply)).isNotNull();
    }

    @Provide
    Arbitrary<String> unicode() {
        return Arbitraries.strings().all().ofMaxLength(400);
    }

    @Property(tries = 2_000)
    void aRevocationWrittenAnyWayIsAnOptOut(@ForAll("revocations") String reply) {
        assertThat(CLASSIFIER.classify(reply).kind()).as(reply).isEqualTo(Kind.OPT_OUT);
    }

    @Provide
    Arbitrary<String> revocations() {
        Arbitrary<String> word = Arbitraries.of(REVOCATIONS);
        Arbitrary<String> before = Arbitraries.of(DECORATIONS);
        Arbitrary<String> after = Arbitraries.of(DECORATIONS);
        Arbitrary<String> filler = Arbitraries.of("", "please ", "pls ", "ok ", "Please, ", "now ");
        Arbitrary<long[]> caseBits = Arbitraries.longs().map(bits -> new long[] {bits});
        return Combinators.combine(word, before, after, filler, caseBits).as((w, b, a, f, bits) -> {
            StringBuilder cased = new StringBuilder();
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                cased.append((bits[0] >>> (i % 64) & 1) == 1 ? Character.toUpperCase(c) : c);
            }
            return b + f + cased + a;
        });
    }

    @Property(tries = 1_000)
    void aNegatedStopIsNeverAnOptOut(@ForAll("negated") String reply) {
        assertThat(CLASSIFIER.classify(reply).kind()).as(reply).isNotEqualTo(Kind.OPT_OUT);
    }

    @Provide
    Arbitrary<String> negated() {
        return Combinators.combine(Arbitraries.of("don't", "dont", "Don't", "DO NOT", "never", "can't", "won't"),
                Arbitraries.of("stop", "STOP", "Stop"), Arbitraries.of("", "!", " please", " ❤️", "!!"))
            .as((no, stop, tail) -> no + " " + stop + tail);
    }
}
