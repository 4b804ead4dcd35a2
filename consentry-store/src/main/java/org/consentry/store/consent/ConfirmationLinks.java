package org.consentry.store.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.consentry.store.keys.SignedTokens;

/**
 * The links of email double opt-in: each names the tenant, the pending consent and its address, and when it expires,
 * with an HMAC-SHA256 tag under a key kept in the store (not the unsubscribe links' key), so that a link cannot be
 * made for another consent nor used after it expires.
 */
public final class ConfirmationLinks {

    public static final String KEY_NAME = "confirmation-links";
    public static final Duration VALID_FOR = Duration.ofDays(7);
    private static final String VERSION = "c1";

    /** What a link names. */
    public record Claim(String tenant, String consentId, String address, Instant expiresAt) {
    }

    private final SignedTokens tokens;

    public ConfirmationLinks(byte[] secret) {
        this.tokens = new SignedTokens(secret, VERSION);
    }

    public String token(Claim claim) {
        return tokens.sign(claim.tenant(), claim.consentId(), claim.address(), Long.toString(claim.expiresAt().getEpochSecond()));
    }

    /** What a token names, when this server signed it; expired or not ({@link Claim#expiresAt()} says). */
    public Optional<Claim> verify(String token) {
        return tokens.verify(token, 4).flatMap(parts -> {
            try {
                return Optional.of(new Claim(parts.get(0), parts.get(1), parts.get(2), Instant.ofEpochSecond(Long.parseLong(parts.get(3)))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
