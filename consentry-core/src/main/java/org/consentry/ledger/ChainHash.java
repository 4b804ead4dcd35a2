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
        StringBuilder envelope = new StringBuilder(canonicalPayload.length() + 200);
        envelope.append("{\"at\":").append(CanonicalJson.write(recordedAt.toString()))
                .append(",\"event\":").append(canonicalPayload)
                .append(",\"prev\":").append(CanonicalJson.write(prevHash))
                .append(",\"seq\":").append(tenantSeq)
                .append(",\"tenant\":").append(CanonicalJson.write(tenant))
                .append(",\"type\":").append(CanonicalJson.write(type)).append('}');
        return sha256(envelope.toString());
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
