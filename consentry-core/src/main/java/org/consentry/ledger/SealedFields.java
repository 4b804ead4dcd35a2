package org.consentry.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fields of an event about one person, sealed under that person's own key (AES-256-GCM) before they are chained:
 * the ledger hashes the sealed form, so destroying the key erases the person's data (GDPR art. 17) while every hash
 * of the chain still verifies. The additional data binds a sealed payload to its tenant and type; its place in the
 * chain is bound by the chain's hash, which covers it (so that callers can seal before the writer places the event). A stored payload of a sealed event is {@code {"sealed": "..."}}:
 * base64 of the 12-byte nonce followed by the ciphertext and its tag.
 */
public final class SealedFields {

    /** The one member of a sealed event's stored payload. */
    public static final String MEMBER = "sealed";
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * Keys and nonces come from a generator per thread: the platform's default (NativePRNG) serialises every caller on
     * one lock, which a hundred request threads sealing at once queue on.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    private SealedFields() {
    }

    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.get().nextBytes(key);
        return key;
    }

    /** What a sealed payload is bound to. */
    public static String context(String tenant, String type) {
        return tenant + "\n" + type;
    }

    /** Whether a stored payload is a sealed one. */
    public static boolean isSealed(Map<String, Object> stored) {
        return stored.size() == 1 && stored.get(MEMBER) instanceof String;
    }

    /** The stored payload that seals {@code fields} (their canonical JSON) under {@code key}. */
    public static Map<String, Object> seal(byte[] key, String context, Map<String, Object> fields) {
        return Map.of(MEMBER, sealText(key, context, CanonicalJson.write(fields)));
    }

    /** The sealed form (the value of {@link #MEMBER}) of a canonical JSON text. */
    public static String sealText(byte[] key, String context, String canonicalJson) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.get().nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, context);
            byte[] sealed = cipher.doFinal(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    /** The canonical JSON of the stored payload whose sealed form is {@code sealed}: base64 needs no escaping. */
    public static String storedPayload(String sealed) {
        return "{\"" + MEMBER + "\":\"" + sealed + "\"}";
    }

    /**
     * The canonical JSON a sealed payload holds, or empty when {@code key} does not open it (another key, another
     * context, or a payload changed after it was sealed).
     */
    public static Optional<String> open(byte[] key, String context, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(bytes, NONCE_BYTES), context);
            return Optional.of(new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Looking a cipher up costs more than using it; each thread keeps one (a GCM cipher is re-initialised per use). */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    });

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
