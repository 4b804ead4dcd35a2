package org.consentry.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The hash that chains a tenant's events: SHA-256, in lower-case hex, over the canonical JSON of
 * {@code {"at", "event", "prev", "seq", "tenant", "type"}}. The first event's {@code prev} is 64 zeros.
 * Changing, removing, inserting or reordering any event breaks every hash after it.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    /** Ledger times are kept to the millisecond, so that they read back exactly as they were hashed. */
    public static Instant ledgerTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    public static String of(String tenant, long tenantSeq, Instant recordedAt, String type, Map<String, Object> fields,
                            String prevHash) {
        return sha256(canonical(tenant, tenantSeq, recordedAt, type, fields, prevHash));
    }

    /**
     * The same hash as {@link #of}, over a payload already in canonical JSON (the writer serialises each event once):
     * the envelope's members are written in their canonical order around it.
     */
    public static String ofPayload(String tenant, long tenantSeq, Instant recordedAt, String type, String canonicalPayload,
                                   String prevHash) {
        Envelope envelope = ENVELOPES.get();
        StringBuilder text = envelope.text;
        text.setLength(0);
        text.append("{\"at\":");
        CanonicalJson.string(LedgerTimes.format(recordedAt), text);
        text.append(",\"event\":").append(canonicalPayload).append(",\"prev\":");
        CanonicalJson.string(prevHash, text);
        text.append(",\"seq\":").append(tenantSeq).append(",\"tenant\":");
        CanonicalJson.string(tenant, text);
        text.append(",\"type\":");
        CanonicalJson.string(type, text);
        text.append('}');
        if (text.capacity() > Envelope.KEPT) {
            envelope.text = new StringBuilder(Envelope.KEPT); // one huge event does not keep its buffer for good
        }
        return envelope.digest(text);
    }

    /**
     * What each thread keeps to hash envelopes (a replay hashes every event of the ledger): the text, its bytes and the
     * digest. An envelope in ASCII (every sealed event's, whose payload is base64) is hashed from the text's chars
     * without making a string of it first.
     */
    private static final class Envelope {
        static final int KEPT = 16_384;
        StringBuilder text = new StringBuilder(1_024);
        byte[] bytes = new byte[1_024];
        final MessageDigest sha256 = newDigest();

        String digest(StringBuilder text) {
            int length = text.length();
            if (bytes.length < length) {
                bytes = new byte[Math.max(length, 2 * bytes.length)];
            }
            byte[] hash = null;
            byte[] ascii = bytes;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    hash = sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8));
                    break;
                }
                ascii[i] = (byte) c;
            }
            if (hash == null) {
                sha256.update(ascii, 0, length);
                hash = sha256.digest();
            }
            if (bytes.length > KEPT) {
                bytes = new byte[1_024]; // one huge event does not keep its buffer for good
            }
            return HEX.formatHex(hash);
        }
    }

    private static final ThreadLocal<Envelope> ENVELOPES = ThreadLocal.withInitial(Envelope::new);
    private static final HexFormat HEX = HexFormat.of();

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    static String canonical(String tenant, long tenantSeq, Instant recordedAt, String type, Map<String, Object> fields,
                            String prevHash) {
        Map<String, Object> envelope = new HashMap<>();
        envelope.put("at", recordedAt.toString());
        envelope.put("event", fields);
        envelope.put("prev", prevHash);
        envelope.put("seq", tenantSeq);
        envelope.put("tenant", tenant);
        envelope.put("type", type);
        return CanonicalJson.write(envelope);
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
