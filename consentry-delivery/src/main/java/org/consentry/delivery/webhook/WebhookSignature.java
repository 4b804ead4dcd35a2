package org.consentry.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Consentry-Signature} header of every post Consentry makes: {@code t=<unix seconds>,v1=<hex>}, where the
 * hex is HMAC-SHA256, under the receiver's secret, of the timestamp, a dot and the raw body. A receiver recomputes it
 * over the bytes it got, compares in constant time, and refuses a timestamp older than a few minutes (a replayed post).
 * Secrets are written {@code whsec_} and base64url; each tenant's is derived from the server's key, so none is stored.
 * (A secret in another form, as an operator may configure for the webhook connector, is used as its UTF-8 bytes.)
 */
public final class WebhookSignature {

    public static final String HEADER = "Consentry-Signature";
    /** How old a signed post may be when it is verified. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** The tenant's signing secret, as it is shown to them. */
    public static String secretFor(byte[] serverKey, String tenant) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(serverKey, ("status-webhook\n" + tenant)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The header for a body posted at {@code at}. */
    public static String sign(String secret, Instant at, byte[] body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(secret, t, body));
    }

    /**
     * True when {@code header} signs {@code body} under {@code secret} and its time is within {@link #TOLERANCE} of
     * {@code now}. Any header that is not one (absent, malformed) is false, never an exception.
     */
    public static boolean verify(String secret, String header, byte[] body, Instant now) {
        if (header == null) {
            return false;
        }
        Long t = null;
        byte[] given = null;
        for (String part : header.split(",", -1)) {
            String item = part.strip();
            try {
                if (item.startsWith("t=") && t == null) {
                    t = Long.parseLong(item.substring(2));
                } else if (item.startsWith("v1=") && given == null) {
                    given = HexFormat.of().parseHex(item.substring(3));
                }
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        if (t == null || given == null || Math.abs(now.getEpochSecond() - t) > TOLERANCE.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(secret, t, body));
    }

    /** The key a secret stands for: a {@code whsec_} secret's bytes, or any other secret's UTF-8 bytes as written. */
    private static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                return Base64.getUrlDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException notBase64) {
                // taken as written
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mac(String secret, long t, byte[] body) {
        byte[] key = key(secret);
        byte[] stamp = (t + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[stamp.length + body.length];
        System.arraycopy(stamp, 0, signed, 0, stamp.length);
        System.arraycopy(body, 0, signed, stamp.length, body.length);
        return hmac(key, signed);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
