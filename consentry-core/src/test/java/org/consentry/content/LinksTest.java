package org.consentry.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void aTextsLinksAreItsUrlsHostsAndBareHostForms() {
        List<Link> links = Links.find("Acme: 20% off at https://acme.example/s?c=1, www.acme.example or (acme.example/x). "
                + "Mail help@acme.example. Ends 10:30 today.");
        assertThat(links).extracting(Link::url).containsExactly("https://acme.example/s?c=1", "www.acme.example", "acme.example/x");
        assertThat(links).extracting(Link::host).containsExactly("acme.example", "www.acme.example", "acme.example");
    }

    /** The shortcut for bodies without tags finds what the walk over every token finds, in the same order. */
    @Property(tries = 3_000)
    void aTextWithoutTagsHasTheLinksEveryTokenWouldShow(@ForAll("texts") String text) {
        assertThat(Links.inText(text)).isEqualTo(Links.withTags(text, null));
    }

    @Property(tries = 2_000)
    void anyCharactersWithoutTagsGiveTheSameLinks(
            @ForAll @Chars({'.', ':', '/', '"', '\'', ' ', '\t', '\u00a0', '\u2003', '(', ')', ',', '@', '?', '[', ']', '-', 'w', 'W'})
            @CharRange(from = 'a', to = 'e') String text) {
        assertThat(Links.inText(text)).isEqualTo(Links.withTags(text, null));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.of("https://", "HTTP://", "www.", "WWW.", "acme", ".example", ".com", ".c", "/path",
                "?c=1&utm_source=x", ":", ".", "..", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\"", "'", "(", ")", "[", "]", ",",
                "!", "@", "user", "1.2.3.4", "10.0.0.1:8080", ":8080", "[::1]", "mailto:", "tel:", "é", "Bench:", "today.", "3.5",
                "bit.ly/x", "e-juice", "a.b.c", "x");
        return piece.list().ofMaxSize(30).map(pieces -> String.join("", pieces));
    }
}
