package org.consentry.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random and mutated reports: a result or a {@link FeedbackFormatException}, never any other exception. */
class FeedbackParserProperties {

    private static final FeedbackParser PARSER = new FeedbackParser();
    private static final List<String> FIXTURES = List.of("arf-rfc5965-abuse.eml", "arf-redacted-with-unsubscribe-link.eml",
            "arf-jmrp-original-recipient-header.eml", "arf-headers-only-not-spam.eml", "dsn-hard-5.1.1-postfix.eml",
            "dsn-soft-4.2.2-mailbox-full.eml", "dsn-two-recipients-one-delivered.eml", "auto-reply-out-of-office.eml",
            "auto-reply-exchange.eml", "not-a-report.eml",
            "bounce-plain-text-exim.eml", "dsn-global-utf8-recipients.eml",
            "dsn-hard-without-original.eml");

    private static void readsOrRefuses(byte[] raw) {
        for (boolean arf : new boolean[] {true, false}) {
            try {
                FeedbackReport report = arf ? PARSER.parseArf(raw) : PARSER.parseDsn(raw);
                assertThat(report).isNotNull();
            } catch (FeedbackFormatException refused) {
                assertThat(refused.field()).isNotBlank();
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
        try {
            assertThat(PARSER.parseUnsubscribe(raw)).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        } catch (FeedbackFormatException refused) {
            assertThat(refused.field()).isNotBlank();
        }
    }

    /** The token is found in a subject however the client wrote it (a prefix, an encoded word, folded). */
    @Property(tries = 500)
    void theTokenIsFoundWhereverTheSubjectPutsIt(@ForAll("tokens") String token, @ForAll("subjects") String form) {
        String message = "From: a@example.com\r\nSubject: " + form.formatted(token) + "\r\n\r\nbody\r\n";
        assertThat(PARSER.parseUnsubscribe(message.getBytes(StandardCharsets.UTF_8))).isEqualTo(token);
    }

    @Provide
    Arbitrary<String> tokens() {
        Arbitrary<String> part = Arbitraries.strings().withChars("abcXYZ019_-").ofMinLength(1).ofMaxLength(60);
        return Combinators.combine(part, part).as((payload, tag) -> payload + "." + tag);
    }

    @Provide
    Arbitrary<String> subjects() {
        return Arbitraries.of("unsubscribe %s", "UNSUBSCRIBE %s", "Re: unsubscribe %s", "=?UTF-8?Q?unsubscribe_?= %s",
                "Fwd: unsubscribe\r\n %s", "unsubscribe  %s (sent from my phone)");
    }

    @Property(tries = 1_000)
    void randomBytesAreReadOrRefused(@ForAll byte[] raw) {
        readsOrRefuses(raw);
    }

    @Property(tries = 1_000)
    void randomTextIsReadOrRefused(@ForAll String text) {
        readsOrRefuses(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 2_000)
    void mutatedReportsAreReadOrRefused(@ForAll("mutations") byte[] raw) {
        readsOrRefuses(raw);
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        Arbitrary<String> fixture = Arbitraries.of(FIXTURES);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 100_000);
        Arbitrary<Integer> length = Arbitraries.integers().between(0, 200);
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("\n\n", "--", "Content-Type: multipart/report; boundary=\"x\"\n", ":", "\r", "Status: 5.", "\n ",
                        "Content-Transfer-Encoding: base64\n", "=?utf-8?B?", "boundary=\"\"", "\u0000"));
        return Combinators.combine(fixture, position, length, insert).as((name, at, cut, text) -> {
            String original = new String(FeedbackParserTest.fixture(name), StandardCharsets.UTF_8);
            int start = at % (original.length() + 1);
            int end = Math.min(original.length(), start + cut);
            return (original.substring(0, start) + text + original.substring(end)).getBytes(StandardCharsets.UTF_8);
        });
    }
}
