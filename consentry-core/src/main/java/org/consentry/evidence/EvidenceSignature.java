package org.consentry.evidence;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.ledger.CanonicalJson;
import org.consentry.ledger.ChainHash;
import org.consentry.ledger.SealedFields;

/**
 * Signs and verifies proof bundles. A bundle is a JSON object; its signature is Ed25519 over the RFC 8785
 * canonical JSON of the bundle without its {@code signature} member. Verifying a bundle recomputes every event's
 * chain hash from its content, checks that consecutive events link, then checks the signature: the first event
 * that fails is named, and a bundle with an event added, removed or changed does not verify.
 */
public final class EvidenceSignature {

    public static final String ALGORITHM = "Ed25519";

    private EvidenceSignature() {
    }

    /** The key pair whose private key is this 32-byte seed: the same seed always gives the same keys. */
    public static KeyPair keyPair(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required of every Java 15+ runtime", e);
        }
    }

    /** A short, stable name for a public key: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key from its X.509 (SubjectPublicKeyInfo) encoding in base64, as {@code GET /v1/keys} gives it. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in base64 X.509 form: " + e.getMessage(), e);
        }
    }

    /** The bundle with its signature member added. */
    public static Map<String, Object> sign(Map<String, Object> bundle, KeyPair keys) {
        Map<String, Object> signed = new LinkedHashMap<>(bundle);
        signed.remove("signature");
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(CanonicalJson.write(signed).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Map<String, Object> signature = new LinkedHashMap<>();
            signature.put("algorithm", ALGORITHM);
            signature.put("key_id", keyId(keys.getPublic()));
            signature.put("value", Base64.getEncoder().encodeToString(signer.sign()));
            signature.put("signed", "RFC 8785 canonical JSON of this bundle without its signature member");
            signed.put("signature", signature);
            return signed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    /** What verifying a bundle found: ok, or the first event at fault (its seq, or null when the fault is not one event's). */
    public record Verification(boolean ok, Long failedSeq, String problem, int events) {
    }

    /**
     * Verifies a bundle read from JSON (objects as maps, arrays as lists, whole numbers as Integer or Long).
     */
    @SuppressWarnings("unchecked")
    public static Verification verify(Map<String, Object> bundle, PublicKey key) {
        Object tenant = bundle.get("tenant");
        Object events = bundle.get("events");
        if (!(tenant instanceof String) || !(events instanceof List)) {
            return new Verification(false, null, "not a proof bundle: it needs a tenant and a list of events", 0);
        }
        List<Object> list = (List<Object>) events;
        byte[] subjectKey;
        try {
            subjectKey = bundle.get("subject_key") instanceof String text ? Base64.getDecoder().decode(text) : null;
        } catch (IllegalArgumentException e) {
            return new Verification(false, null, "its subject_key is not base64", list.size());
        }
        Long previousSeq = null;
        String previousHash = null;
        for (Object item : list) {
            if (!(item instanceof Map)) {
                return new Verification(false, null, "an event is not an object", list.size());
            }
            Map<String, Object> event = (Map<String, Object>) item;
            Long seq = number(event.get("seq"));
            String problem = eventProblem(event, (String) tenant, subjectKey);
            if (problem != null) {
                return new Verification(false, seq, problem, list.size());
            }
            if (previousSeq != null && seq <= previousSeq) {
                return new Verification(false, seq, "events are out of order (seq " + seq + " after " + previousSeq + ")", list.size());
            }
            if (previousSeq != null && seq == previousSeq + 1 && !event.get("prev_hash").equals(previousHash)) {
                return new Verification(false, seq, "its prev_hash is not the hash of event " + previousSeq, list.size());
            }
            previousSeq = seq;
            previousHash = (String) event.get("hash");
        }
        Object signature = bundle.get("signature");
        if (!(signature instanceof Map) || !(((Map<String, Object>) signature).get("value") instanceof String value)) {
            return new Verification(false, null, "the bundle is not signed", list.size());
        }
        Map<String, Object> unsigned = new LinkedHashMap<>(bundle);
        unsigned.remove("signature");
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(CanonicalJson.write(unsigned).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(value))) {
                return new Verification(false, null, "the signature does not match: the bundle was changed after it was signed "
                        + "(an event added or removed, or a member outside the events changed), or another key signed it", list.size());
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Verification(false, null, "the signature cannot be checked: " + e.getMessage(), list.size());
        }
        return new Verification(true, null, null, list.size());
    }

    @SuppressWarnings("unchecked")
    private static String eventProblem(Map<String, Object> event, String tenant, byte[] subjectKey) {
        Long seq = number(event.get("seq"));
        if (seq == null || !(event.get("type") instanceof String type) || !(event.get("recorded_at") instanceof String at)
                || !(event.get("event") instanceof Map) || !(event.get("prev_hash") instanceof String prev)
                || !(event.get("hash") instanceof String hash)) {
            return "it lacks one of seq, type, recorded_at, event, prev_hash, hash";
        }
        Instant recordedAt;
        try {
            recordedAt = Instant.parse(at);
        } catch (RuntimeException e) {
            return "its recorded_at is not a time";
        }
        Map<String, Object> content = normalised((Map<String, Object>) event.get("event"));
        Map<String, Object> hashed = content;
        if (event.get("sealed") != null) {
            if (!(event.get("sealed") instanceof String sealed)) {
                return "its sealed payload is not text";
            }
            hashed = Map.of(SealedFields.MEMBER, sealed);
            if (Boolean.TRUE.equals(event.get("erased"))) {
                if (!content.isEmpty()) {
                    return "it is marked erased but shows content";
                }
            } else if (subjectKey == null) {
                return "it is sealed and the bundle has no subject_key to check its content against";
            } else {
                java.util.Optional<String> opened = SealedFields.open(subjectKey, SealedFields.context(tenant, type), sealed);
                if (opened.isEmpty()) {
                    return "its sealed payload does not open with the subject_key: it was changed, or moved from another event";
                }
                if (!opened.get().equals(CanonicalJson.write(content))) {
                    return "its content is not what was sealed: the event was changed";
                }
            }
        }
        String computed;
        try {
            computed = ChainHash.of(tenant, seq, recordedAt, type, hashed, prev);
        } catch (IllegalArgumentException e) {
            return "its content cannot be hashed: " + e.getMessage();
        }
        return computed.equals(hash) ? null : "its hash does not match its content: the event was changed";
    }

    /** JSON numbers as the ledger hashed them: whole numbers as Long. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalised(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, normalisedValue(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object normalisedValue(Object value) {
        if (value instanceof Map) {
            return normalised((Map<String, Object>) value);
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            for (Object item : (List<Object>) value) {
                copy.add(normalisedValue(item));
            }
            return copy;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        return value;
    }

    private static Long number(Object value) {
        return value instanceof Integer || value instanceof Long ? ((Number) value).longValue() : null;
    }

    /** Hands the key pair generator the seed as its only randomness. */
    private static final class SeedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the generator asked for " + bytes.length + " bytes, the seed has " + seed.length);
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
