package org.consentry.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
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

    /** The host is read as it was before {@code hostOf} stopped cutting the URL into pieces. */
    @Property(tries = 3_000)
    void aHostIsReadAsBefore(@ForAll("urls") String url) {
        assertThat(Links.hostOf(url)).isEqualTo(hostAsBefore(url));
    }

    @Test
    void aHostIsLowerCaseWithoutUserInfoPortOrTrailingDots() {
        assertThat(Links.hostOf("HTTPS://paypal.com@B%69t.LY.:8080/x?y#z")).isEqualTo("bit.ly");
        assertThat(Links.hostOf("https://[::1]:80/")).isEqualTo("[::1]");
        assertThat(Links.hostOf("mailto:ana@bench.example")).isNull();
        assertThat(Links.hostOf("https://:80/")).isNull();
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> piece = Arbitraries.of("https://", "HTTP://", "mailto:", "tel:", "MAILTO:", "www.", "Acme", ".example", "..",
                ".", "/", "//", "?", "#", "@", "user:pw@", ":", ":8080", "[", "]", "[::1]", "%", "%69", "%zz", "%E2%82%AC", " ", "\t",
                "é", "x", "1.2.3.4");
        return piece.list().ofMaxSize(12).map(pieces -> String.join("", pieces));
    }

    /** Links.hostOf as it was before it read the authority by its indexes (2026-12-07). */
    private static String hostAsBefore(String url) {
        String rest = url.strip();
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
        } else if (rest.regionMatches(true, 0, "mailto:", 0, 7) || rest.regionMatches(true, 0, "tel:", 0, 4)) {
            return null;
        }
        int end = rest.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String authority = rest.substring(0, end);
        int userInfo = authority.lastIndexOf('@');
        if (userInfo >= 0) {
            authority = authority.substring(userInfo + 1);
        }
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close > 0 ? authority.substring(0, close + 1).toLowerCase(Locale.ROOT) : null;
        }
        int port = authority.lastIndexOf(':');
        if (port >= 0) {
            authority = authority.substring(0, port);
        }
        authority = Links.unescaped(authority).toLowerCase(Locale.ROOT);
        while (authority.endsWith(".")) {
            authority = authority.substring(0, authority.length() - 1);
        }
        return authority.isEmpty() ? null : authority;
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
