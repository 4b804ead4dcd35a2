package org.consentry.delivery.smpp;

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

/** {@code CONSENTRY_SMPP_URL}: what it names, and a clear refusal of what is not one. */
class SmppUrlTest {

    @Test
    void aUrlNamesTheSmscTheSystemIdAndPassword() {
        SmppUrl url = SmppUrl.parse("smpp://acme%40esme:p%40ss:wd@smsc.example.com:2776");
        assertThat(url).isEqualTo(new SmppUrl("smsc.example.com", 2776, "acme@esme", "p@ss:wd", "", 10));
        assertThat(url.toString()).doesNotContain("p@ss").isEqualTo("smpp://acme@esme:***@smsc.example.com:2776?window=10");
    }

    @Test
    void thePortDefaultsTo2775AndTheQueryGivesSystemTypeAndWindow() {
        assertThat(SmppUrl.parse("SMPP://esme:pw@smsc.example.com")).isEqualTo(new SmppUrl("smsc.example.com", 2775, "esme", "pw", "", 10));
        assertThat(SmppUrl.parse("smpp://esme:pw@10.0.0.7/?system_type=VMA&window=50"))
                .isEqualTo(new SmppUrl("10.0.0.7", 2775, "esme", "pw", "VMA", 50));
        assertThat(SmppUrl.parse("smpp://esme@smsc.example.com?window=1").password()).isEmpty();
        assertThat(SmppUrl.parse("smpp://esme:pw@smsc.example.com?window=1000").window()).isEqualTo(1000);
    }

    @Test
    void whatIsNotAnSmppUrlIsRefusedSayingWhy() {
        assertThatThrownBy(() -> SmppUrl.parse("smtp://esme:pw@smsc.example.com")).hasMessageContaining("smpp://");
        assertThatThrownBy(() -> SmppUrl.parse("smpp://esme:pw@")).hasMessageContaining("no host");
        assertThatThrownBy(() -> SmppUrl.parse("smpp://smsc.example.com")).hasMessageContaining("no system_id");
        assertThatThrownBy(() -> SmppUrl.parse("smpp://:pw@smsc.example.com")).hasMessageContaining("no system_id");
        assertThatThrownBy(() -> SmppUrl.parse("smpp://esme:pw@smsc.example.com/bind")).hasMessageContaining("no path");
        assertThatThrownBy(() -> SmppUrl.parse("smpp://esme:pw@smsc example.com")).hasMessageContaining("not a URL");
        assertThatThrownBy(() -> SmppUrl.parse("smpp://esme:pw@smsc.example.com:0")).hasMessageContaining("port");
        assertThatThrownBy(() -> SmppUrl.parse("smpp://esme:pw@smsc.example.com?windw=5")).hasMessageContaining("not 'windw'");
        assertThatThrownBy(() -> SmppUrl.parse("smpp://esme:pw@smsc.example.com?window=many")).hasMessageContaining("window");
        assertThatThrownBy(() -> SmppUrl.parse("smpp://esme:pw@smsc.example.com?window=1001")).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> SmppUrl.parse("smpp://esme:pw@smsc.example.com?window=0")).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> SmppUrl.parse("smpp://esme:password9@smsc.example.com")).hasMessageContaining("password is longer");
        assertThatThrownBy(() -> SmppUrl.parse("smpp://a-very-long-system-id:pw@smsc.example.com")).hasMessageContaining("system_id is longer");
        assertThatThrownBy(() -> SmppUrl.parse("smsc.example.com:2775")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 1_000)
    void aSystemIdAndPasswordOfAnyCharactersComeBackAsWritten(@ForAll("systemIds") String systemId, @ForAll("passwords") String password,
                                                              @ForAll("hosts") String host, @ForAll @IntRange(min = 1, max = 65_535) int port) {
        String text = "smpp://" + encode(systemId) + ":" + encode(password) + "@" + host + ":" + port;
        assertThat(SmppUrl.parse(text)).isEqualTo(new SmppUrl(host, port, systemId, password, "", 10));
    }

    @Property(tries = 2_000)
    void anyTextIsAUrlOrAClearRefusal(@ForAll("urlish") String text) {
        try {
            SmppUrl url = SmppUrl.parse(text);
            assertThat(url.host()).isNotBlank();
            assertThat(url.port()).isBetween(1, 65_535);
            assertThat(url.window()).isBetween(1, 1000);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).contains("SMPP");
        }
    }

    /** Percent-encoded as a URL's user info is (a space is %20 there; + is itself). */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Arbitrary<String> secrets(int octets) {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', '密').ofMinLength(1).ofMaxLength(octets)
                .filter(text -> text.getBytes(StandardCharsets.UTF_8).length <= octets);
    }

    @Provide
    Arbitrary<String> systemIds() {
        return secrets(15);
    }

    @Provide
    Arbitrary<String> passwords() {
        return secrets(8);
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of("smsc.example.com", "127.0.0.1", "smpp-1.carrier.example.org", "localhost");
    }

    @Provide
    Arbitrary<String> urlish() {
        Arbitrary<String> noise = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40);
        return Arbitraries.oneOf(noise, noise.map(rest -> "smpp://" + rest), noise.map(rest -> "smpp://esme:pw@" + rest),
                noise.map(rest -> "smpp://esme:pw@smsc.example.com?" + rest));
    }
}
