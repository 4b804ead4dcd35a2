package org.consentry.store.consent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The links of email double opt-in: each names the tenant, the pending consent and its address, and when it expires,
 * with an HMAC-SHA256 tag under a key kept in the store (not the unsubscribe links' key), so that a link cannot be
 * made for another consent nor used after it expires.
 */
public final class ConfirmationLinks {

    public static final String KEY_NAME = "confirmation-links";
    public static final Duration VALID_FOR = Duration.ofDays(7);
    private static final String VERSION = "c1";
    private static final int TAG_BYTES = 16;
    private static final int MAX_TOKEN_CHARS = 2_048;

    /** What a link names. */
    public record Claim(String tenant, String consentId, String address, Instant expiresAt) {
    }

    private final SecretKeySpec key;

    public ConfirmationLinks(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String token(Claim claim) {
        String payload = String.join("\n", VERSION, claim.tenant(), claim.consentId(), claim.address(),
                Long.toString(claim.expiresAt().getEpochSecond()));
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(tag(encoded));
    }

    /** What a token names, when this server signed it; expired or not ({@link Claim#expiresAt()} says). */
    public Optional<Claim> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String encoded = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(Base64.getUrlDecoder().decode(token.substring(dot + 1)), tag(encoded))) {
                return Optional.empty();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            return Optional.of(new Claim(parts[1], parts[2], parts[3], Instant.ofEpochSecond(Long.parseLong(parts[4]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] tag(String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII)), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
