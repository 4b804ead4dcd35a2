package org.consentry.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The {@code Consentry-Signature} header: what verifies, and that nothing else does. */
class WebhookSignatureTest {

    private static final Instant AT = Instant.parse("2026-03-14T16:00:00Z");
    private static final String SECRET = WebhookSignature.secretFor(new byte[32], "ten_1");

    @Test
    void aSignedBodyVerifiesWithinFiveMinutesOnly() {
        byte[] body = "{\"status\":\"sent\"}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.sign(SECRET, AT, body);
        assertThat(header).startsWith("t=" + AT.getEpochSecond() + ",v1=");
        assertThat(WebhookSignature.verify(SECRET, header, body, AT.plusSeconds(300))).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, body, AT.plusSeconds(301))).as("a replay").isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, "{\"status\":\"failed\"}".getBytes(StandardCharsets.UTF_8), AT)).isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.secretFor(new byte[32], "ten_2"), header, body, AT)).as("another tenant's").isFalse();
    }

    @Test
    void eachTenantHasItsOwnSecretFromTheServersKey() {
        assertThat(SECRET).startsWith("whsec_").isEqualTo(WebhookSignature.secretFor(new byte[32], "ten_1"));
        assertThat(WebhookSignature.secretFor(new byte[32], "ten_2")).isNotEqualTo(SECRET);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(WebhookSignature.secretFor(otherKey, "ten_1")).isNotEqualTo(SECRET);
    }

    @Property(tries = 500)
    void anyChangeToTheBodyOrTheTimeFailsVerification(@ForAll byte[] body, @ForAll("flips") int flip) {
        String header = WebhookSignature.sign(SECRET, AT, body);
        assertThat(WebhookSignature.verify(SECRET, header, body, AT)).isTrue();
        if (body.length > 0) {
            byte[] changed = body.clone();
            changed[Math.floorMod(flip, body.length)] ^= (byte) (1 + Math.floorMod(flip, 255));
            assertThat(WebhookSignature.verify(SECRET, header, changed, AT)).isFalse();
        }
        String otherTime = header.replace("t=" + AT.getEpochSecond(), "t=" + (AT.getEpochSecond() + 1));
        assertThat(WebhookSignature.verify(SECRET, otherTime, body, AT)).isFalse();
    }

    @Property(tries = 1_000)
    void anyHeaderIsCheckedWithoutFailing(@ForAll("headers") String header) {
        assertThat(WebhookSignature.verify(SECRET, header, new byte[0], AT)).isFalse();
    }

    @Provide
    Arbitrary<Integer> flips() {
        return Arbitraries.integers();
    }

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> noise = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80);
        return Arbitraries.oneOf(noise, noise.map(rest -> "t=" + rest), noise.map(rest -> "t=" + AT.getEpochSecond() + ",v1=" + rest),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map(hex -> "t=" + AT.getEpochSecond() + ",v1=" + hex));
    }
}
