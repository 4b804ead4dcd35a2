package org.consentry.store.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens for links sent to recipients (unsubscribe, confirmation): a few text parts, base64url, and a 128-bit
 * HMAC-SHA256 tag under a key kept in the store. A token cannot be made without the key, nor changed to name
 * something else; each kind of link has its own key and its own first part, so one kind is never taken for another.
 */
public final class SignedTokens {

    private static final int TAG_BYTES = 16;
    private static final int MAX_TOKEN_CHARS = 2_048;

    private final SecretKeySpec key;
    private final String kind;

    /**
     * @param kind the first part of every token of this kind, checked on reading
     */
    public SignedTokens(byte[] secret, String kind) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.kind = kind;
    }

    /** A token of these parts (none may hold a line break). */
    public String sign(String... parts) {
        StringBuilder payload = new StringBuilder(kind);
        for (String part : parts) {
            if (part.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a token part may not hold a line break");
            }
            payload.append('\n').append(part);
        }
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return encoded + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(tag(encoded));
    }

    /** The parts of a token this key signed, when it has {@code count} of them; empty for anything else. */
    public Optional<List<String>> verify(String token, int count) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String encoded = token.substring(0, dot);
        try {
            // the tag compared as written, not decoded: a decoder ignores the spare bits of the last character, so a
            // decoded comparison accepts several spellings of one token
            byte[] expected = Base64.getUrlEncoder().withoutPadding().encode(tag(encoded));
            if (!MessageDigest.isEqual(token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII), expected)) {
                return Optional.empty();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != count + 1 || !kind.equals(parts[0])) {
                return Optional.empty();
            }
            return Optional.of(List.of(parts).subList(1, parts.length));
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
