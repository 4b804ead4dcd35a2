package org.consentry.store.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The name the ledger files a person's events under: HMAC-SHA256 of tenant and address under a server secret (a
 * salted hash), so that the stored ledger names no one in clear, an erased person stays recognisable (never messaged
 * again) without their address being kept, and one tenant's name for a person says nothing of another's.
 */
public final class SubjectRefs {

    /** The server secret the names are made with. */
    public static final String KEY_NAME = "subject-refs";

    private final SecretKeySpec key;

    public SubjectRefs(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The name of {@code address} (canonical: E.164 or lower-cased email) with {@code tenant}. */
    public String of(String tenant, String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(tenant.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return "s_" + HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
