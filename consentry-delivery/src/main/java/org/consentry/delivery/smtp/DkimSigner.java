package org.consentry.delivery.smtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * DKIM signatures (RFC 6376): rsa-sha256, relaxed/relaxed, over the headers a receiver and RFC 8058 care about (From,
 * To, Subject, Date, Message-ID, the MIME headers, Reply-To and the List-Unsubscribe pair) and the body as it goes on
 * the wire. The key signs for one domain ({@code d=}) under one selector ({@code s=}), whose public key is published at
 * {@code <selector>._domainkey.<domain>} in DNS.
 */
public final class DkimSigner {

    /** The headers signed, when the message has them, lower case. */
    static final List<String> SIGNED = List.of("from", "to", "cc", "reply-to", "subject", "date", "message-id", "mime-version",
            "content-type", "content-transfer-encoding", "list-unsubscribe", "list-unsubscribe-post", "list-id");

    private final String domain;
    private final String selector;
    private final PrivateKey key;

    public DkimSigner(String domain, String selector, PrivateKey key) {
        if (domain == null || !domain.matches("[A-Za-z0-9.-]+") || selector == null || !selector.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a DKIM domain and selector are DNS labels, e.g. acme.example and s1");
        }
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.selector = selector;
        this.key = key;
    }

    /** Reads an RSA private key in PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey} writes it). */
    public static PrivateKey readKey(Path pem) {
        try {
            String text = Files.readString(pem, StandardCharsets.US_ASCII);
            if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalArgumentException("the DKIM key " + pem + " is not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----); "
                        + "make one with: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out dkim.pem");
            }
            String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new IllegalArgumentException("the DKIM key " + pem + " cannot be read: " + e.getMessage());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() != null && e.getMessage().startsWith("the DKIM key") ? e.getMessage()
                    : "the DKIM key " + pem + " is not an RSA private key: " + e.getMessage());
        }
    }

    /**
     * The {@code DKIM-Signature} header's value for a message whose header lines (unfolded or not, as written) and body
     * (as sent, CRLF line ends) are given.
     */
    public String sign(List<String> headerLines, byte[] body, Instant at) {
        List<String> names = new ArrayList<>();
        StringBuilder signed = new StringBuilder();
        for (String name : SIGNED) {
            // a header given more than once is signed from the last up (RFC 6376 5.4.2); most appear once
            List<String> found = new ArrayList<>();
            for (String line : headerLines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                    found.add(line);
                }
            }
            for (int i = found.size() - 1; i >= 0; i--) {
                signed.append(relaxedHeader(found.get(i))).append("\r\n");
                names.add(name);
            }
        }
        String value = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector + "; t=" + at.getEpochSecond()
                + "; h=" + String.join(":", names) + "; bh=" + Base64.getEncoder().encodeToString(sha256(relaxedBody(body))) + "; b=";
        signed.append(relaxedHeader("DKIM-Signature: " + value));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signed.toString().getBytes(StandardCharsets.UTF_8));
            return value + Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the DKIM signature could not be made: " + e.getMessage(), e);
        }
    }

    /** RFC 6376 3.4.2: the name lower case, the value unfolded, runs of white space one space, none at the ends. */
    static String relaxedHeader(String line) {
        int colon = line.indexOf(':');
        String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).replace("\r\n", "").replace("\n", "").replaceAll("[ \t]+", " ").strip();
        return name + ":" + value;
    }

    /** RFC 6376 3.4.4: runs of white space in a line one space, none at a line's end, no empty lines at the end. */
    static byte[] relaxedBody(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1); // bytes kept as they are: the body is 7- or 8-bit on the wire
        String[] lines = text.split("\r\n", -1);
        StringBuilder out = new StringBuilder();
        int last = lines.length - 1;
        while (last >= 0 && lines[last].replaceAll("[ \t]+", "").isEmpty()) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            out.append(lines[i].replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The domain it signs for. */
    public String domain() {
        return domain;
    }
}
