package org.consentry.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.consentry.delivery.Delivery;
import org.consentry.delivery.Outbound;
import org.consentry.policy.Channel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * DKIM signatures as a receiver checks them: messages sent through a real SMTP server (GreenMail), taken as received,
 * and verified by an independent implementation (dkimpy, Debian's python3-dkim, which .ci/run installs) against the
 * public key as DNS would publish it; an altered message fails. The canonical forms follow RFC 6376's own example.
 */
class DkimSignerTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** Debian's python3, where python3-dkim installs (a python3 earlier on PATH, such as pyenv's, does not see it). */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T16:00:00Z"), ZoneOffset.UTC);
    private static KeyPair keys;

    @TempDir
    Path directory;

    @BeforeAll
    static void makeKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @Test
    void theCanonicalFormsAreRfc6376s() {
        // RFC 6376 3.4.5, the example of relaxed canonicalization
        assertThat(DkimSigner.relaxedHeader("A: X")).isEqualTo("a:X");
        assertThat(DkimSigner.relaxedHeader("B : Y\t\r\n\tZ  ")).isEqualTo("b:Y Z");
        assertThat(new String(DkimSigner.relaxedBody(" C \r\nD \t E\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII))
                .isEqualTo(" C\r\nD E\r\n");
        assertThat(DkimSigner.relaxedBody(new byte[0])).isEmpty();
    }

    @Test
    void aSignedMessageVerifiesAsReceivedAndFailsOnceAltered() throws Exception {
        Assumptions.assumeTrue(dkimpyInstalled(), "dkimpy (Debian's python3-dkim) is not installed: .ci/run installs it");
        DkimSigner signer = new DkimSigner("acme.example", "s1", keys.getPrivate());
        try (SmtpConnector smtp = new SmtpConnector(SmtpUrl.parse("smtp://127.0.0.1:" + MAIL.getSmtp().getPort()), 1, CLOCK, signer)) {
            Outbound message = new Outbound("msg_1", "ten_1", Channel.EMAIL, "Acme <news@acme.example>", "ana@example.com",
                    "Spring sale — 20% off", "Acme: 20% off this week, Zoë.\n\nUnsubscribe: https://acme.example/u/x   \n\n", Map.of(
                    "List-Unsubscribe", "<https://consentry.example/u/abc>", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                    CLOCK.instant());
            assertThat(smtp.send(message).join()).isInstanceOf(Delivery.Accepted.class);
        }
        String received = GreenMailUtil.getWholeMessage(MAIL.getReceivedMessages()[0]);
        assertThat(received).contains("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=acme.example; s=s1;")
                .contains("h=from:to:subject:date:message-id:mime-version:content-type:content-transfer-encoding:list-unsubscribe:"
                        + "list-unsubscribe-post;");
        assertThat(dkimpyVerifies(received)).as("dkimpy verifies the message as received").isTrue();
        assertThat(dkimpyVerifies(received.replace("20% off this week", "50% off this week"))).as("an altered body").isFalse();
        assertThat(dkimpyVerifies(received.replace("Subject: ", "Subject: Re: "))).as("an altered subject").isFalse();
    }

    @Test
    void aKeyThatIsNotOneIsRefusedSayingHowToMakeOne() throws IOException {
        Path notPem = directory.resolve("dkim.pem");
        Files.writeString(notPem, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> DkimSigner.readKey(notPem)).hasMessageContaining("openssl genpkey");
        Path pem = directory.resolve("good.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        assertThat(DkimSigner.readKey(pem)).isEqualTo(keys.getPrivate());
        assertThatThrownBy(() -> new DkimSigner("acme example", "s1", keys.getPrivate())).hasMessageContaining("DNS labels");
    }

    private static boolean dkimpyInstalled() throws Exception {
        return run(List.of(PYTHON, "-c", "import dkim"), "") == 0;
    }

    /** dkimpy's verdict on the raw message, with the public key served as DNS would serve s1._domainkey.acme.example. */
    private static boolean dkimpyVerifies(String raw) throws Exception {
        String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        String script = "import sys, dkim\n"
                + "record = sys.argv[1].encode()\n"
                + "def dns(name, timeout=5):\n"
                + "    return record if name == b's1._domainkey.acme.example.' else None\n"
                + "sys.exit(0 if dkim.verify(sys.stdin.buffer.read(), dnsfunc=dns) else 1)\n";
        return run(List.of(PYTHON, "-c", script, record), raw.replace("\r\n", "\n").replace("\n", "\r\n")) == 0;
    }

    private static int run(List<String> command, String stdin) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.ISO_8859_1));
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("python3 did not end: " + new String(output, StandardCharsets.UTF_8));
        }
        return process.exitValue();
    }
}
