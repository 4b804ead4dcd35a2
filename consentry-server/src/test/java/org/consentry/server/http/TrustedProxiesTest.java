package org.consentry.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Who sent a request, behind reverse proxies: the walk over X-Forwarded-For and the setting that allows it. */
class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, fd00::/8");

    @Test
    void aPeerThatIsNotTrustedIsTheClientWhateverTheHeaderSays() {
        assertThat(proxies.client("198.51.100.4", List.of("203.0.113.9"))).isEqualTo("198.51.100.4");
        assertThat(TrustedProxies.NONE.client("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("127.0.0.1");
    }

    @Test
    void theClientIsTheFirstAddressFromTheRightThatIsNotAProxy() {
        assertThat(proxies.client("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.client("127.0.0.1", List.of("192.0.2.1, 203.0.113.9, 10.0.0.2"))).as("a client cannot write its way left")
                .isEqualTo("203.0.113.9");
        assertThat(proxies.client("127.0.0.1", List.of("192.0.2.1", "203.0.113.9", "10.9.9.9"))).as("several headers, in hop order")
                .isEqualTo("203.0.113.9");
        assertThat(proxies.client("10.0.0.1", List.of("2001:db8::1, fd12::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(proxies.client("[fd00::5]", List.of("::ffff:192.0.2.8"))).as("a bracketed peer; a mapped IPv4 client")
                .isEqualTo("192.0.2.8");
    }

    @Test
    void aMissingOrMalformedEntryEndsTheWalkAtTheLastGoodAddress() {
        assertThat(proxies.client("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        assertThat(proxies.client("127.0.0.1", List.of("evil.example, 10.0.0.7"))).isEqualTo("10.0.0.7");
        assertThat(proxies.client("127.0.0.1", List.of("unknown"))).isEqualTo("127.0.0.1");
        assertThat(proxies.client("127.0.0.1", List.of("203.0.113.9:4711"))).as("a port is not an address").isEqualTo("127.0.0.1");
        assertThat(proxies.client("127.0.0.1", List.of("10.0.0.1, 10.0.0.2"))).as("every hop a proxy: the farthest")
                .isEqualTo("10.0.0.1");
    }

    @Test
    void theSettingNamesTheEntryItCannotRead() {
        assertThat(TrustedProxies.parse(" ").isEmpty()).isTrue();
        assertThat(TrustedProxies.parse(null).isEmpty()).isTrue();
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.example")).hasMessageContaining("'proxy.example'");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("'10.0.0.0/33'");
        assertThatThrownBy(() -> TrustedProxies.parse("256.1.1.1")).hasMessageContaining("'256.1.1.1'");
        assertThatThrownBy(() -> TrustedProxies.parse("1:2:3:4:5:6:7:8:9")).hasMessageContaining("is not an IP address");
        assertThat(TrustedProxies.parse("0.0.0.0/0").client("127.0.0.1", List.of("203.0.113.9"))).as("trust every hop")
                .isEqualTo("203.0.113.9");
    }

    @Test
    void onlyLiteralsAreAddresses() {
        assertThat(TrustedProxies.literal("1.2.3")).isNull();
        assertThat(TrustedProxies.literal("01.2.3.4")).isNull();
        assertThat(TrustedProxies.literal("localhost")).isNull();
        assertThat(TrustedProxies.literal("beef")).as("hex, but a name").isNull();
        assertThat(TrustedProxies.literal("::")).hasSize(16);
        assertThat(TrustedProxies.literal("1::")).hasSize(16);
        assertThat(TrustedProxies.literal(":1")).isNull();
        assertThat(TrustedProxies.literal("1:2:3:4:5:6:7:8")).hasSize(16);
        assertThat(TrustedProxies.literal("1:2:3:4:5:6:1.2.3.4")).hasSize(16);
        assertThat(TrustedProxies.literal("1:2:3:4:5:6:7::8")).as("nine groups with ::").isNull();
    }

    /** Whatever a client writes, the answer is the peer or one of the written addresses, never a name and never an error. */
    @Property(tries = 2_000)
    void theAnswerIsAlwaysAnAddressThatWasSeen(@ForAll @StringLength(max = 60) String header) {
        String client = proxies.client("127.0.0.1", List.of(header));
        byte[] address = TrustedProxies.literal(client);
        assertThat(address).as(client).isNotNull();
        assertThat(client.equals("127.0.0.1") || java.util.Arrays.stream(header.split(","))
                .map(entry -> TrustedProxies.literal(entry.strip())).anyMatch(seen -> java.util.Arrays.equals(seen, address)))
                .as("'%s' from '%s'", client, header).isTrue();
    }

    @Property(tries = 500)
    void anyIpv4AddressReadsBackAsWritten(@ForAll int bits) {
        String written = (bits >>> 24) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff) + "." + (bits & 0xff);
        assertThat(proxies.client("127.0.0.1", List.of(written + ", 10.0.0.1"))).isIn(written, "10.0.0.1");
        assertThat(TrustedProxies.literal(written)).hasSize(4);
    }
}
