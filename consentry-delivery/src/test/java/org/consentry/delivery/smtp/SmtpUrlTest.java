package org.consentry.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@code CONSENTRY_SMTP_URL}: what it names, and a clear refusal of what is not one. */
class SmtpUrlTest {

    @Test
    void aUrlNamesTheServerItsUserAndPassword() {
        SmtpUrl url = SmtpUrl.parse("smtp://relay%40acme.example:p%40ss:word@mail.example.com:2525");
        assertThat(url).isEqualTo(new SmtpUrl(false, "mail.example.com", 2525, "relay@acme.example", "p@ss:word"));
        assertThat(url.toString()).doesNotContain("p@ss").isEqualTo("smtp://relay@acme.example:***@mail.example.com:2525");
    }

    @Test
    void smtpsIsTlsFromTheFirstByteAndEachSchemeHasItsPort() {
        assertThat(SmtpUrl.parse("smtps://smtp.example.com")).isEqualTo(new SmtpUrl(true, "smtp.example.com", 465, null, null));
        assertThat(SmtpUrl.parse("SMTP://smtp.example.com")).isEqualTo(new SmtpUrl(false, "smtp.example.com", 587, null, null));
        assertThat(SmtpUrl.parse("smtp://apikey@smtp.example.com:25/").user()).isEqualTo("apikey");
    }

    @Test
    void whatIsNotAnSmtpUrlIsRefusedSayingWhy() {
        assertThatThrownBy(() -> SmtpUrl.parse("http://mail.example.com")).hasMessageContaining("smtp://");
        assertThatThrownBy(() -> SmtpUrl.parse("smtp://")).hasMessageContaining("write smtp://user:password@host:port");
        assertThatThrownBy(() -> SmtpUrl.parse("smtp://user:pass@")).hasMessageContaining("no host");
        assertThatThrownBy(() -> SmtpUrl.parse("smtp://mail.example.com/inbox")).hasMessageContaining("no path");
        assertThatThrownBy(() -> SmtpUrl.parse("smtp://mail example.com")).hasMessageContaining("not a URL");
        assertThatThrownBy(() -> SmtpUrl.parse("mail.example.com:25")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 1_000)
    void aUserAndPasswordOfAnyCharactersComeBackAsWritten(@ForAll("secrets") String user, @ForAll("secrets") String password,
                                                          @ForAll("hosts") String host, @ForAll @IntRange(min = 1, max = 65_535) int port) {
        String text = "smtp://" + encode(user) + ":" + encode(password)
                + "@" + host + ":" + port;
        assertThat(SmtpUrl.parse(text)).isEqualTo(new SmtpUrl(false, host, port, user, password));
    }

    @Property(tries = 2_000)
    void anyTextIsAUrlOrAClearRefusal(@ForAll("urlish") String text) {
        try {
            SmtpUrl url = SmtpUrl.parse(text);
            assertThat(url.host()).isNotBlank();
            assertThat(url.port()).isBetween(1, 65_535);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).containsIgnoringCase("smtp");
        }
    }

    /** Percent-encoded as a URL's user info is (a space is %20 there; + is itself). */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', '密').ofMinLength(1).ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of("mail.example.com", "127.0.0.1", "smtp-relay.example.org", "localhost");
    }

    @Provide
    Arbitrary<String> urlish() {
        Arbitrary<String> noise = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40);
        return Arbitraries.oneOf(noise, noise.map(rest -> "smtp://" + rest), noise.map(rest -> "smtps://" + rest),
                noise.map(rest -> "smtp://user:pass@" + rest));
    }
}
