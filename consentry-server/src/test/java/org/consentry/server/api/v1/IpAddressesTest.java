package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code ip} a consent's evidence records: an IP address literal, or refused. */
class IpAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "0.0.0.0", "::", "::1", "1::", "2001:db8::7", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::",
        "::ffff:192.0.2.8", "1:2:3:4:5:6:1.2.3.4"})
    void readsAddresses(String text) {
        assertThat(IpAddresses.isLiteral(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "01.2.3.4", "256.1.1.1", ":1", "1:", ":::", ":::1", "1:::2", "1::2:", ":1::2", "1:2:3:4:5:6:7:8:",
        ":1:2:3:4:5:6:7:8", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "12345::", "beef"})
    void refusesWhatIsNoAddress(String text) {
        assertThat(IpAddresses.isLiteral(text)).isFalse();
    }

    /** Whatever it accepts, the JDK reads as an address too (a text of hex digits, colons and dots is never looked up). */
    @Property(tries = 5_000)
    void acceptsOnlyWhatIsAnAddress(@ForAll("ipLike") String text) throws UnknownHostException {
        if (IpAddresses.isLiteral(text)) {
            assertThat(InetAddress.getByName(text).getAddress()).as(text).hasSizeBetween(4, 16);
        }
    }

    @Provide
    Arbitrary<String> ipLike() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789abcdef:.").ofMinLength(1).ofMaxLength(45),
                Arbitraries.strings().withChars("1:.").ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withChars("12:").ofMinLength(1).ofMaxLength(12));
    }
}
