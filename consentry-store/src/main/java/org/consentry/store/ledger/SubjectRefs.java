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

    /** A MAC per thread, keyed once: looking one up and keying it costs more than using it. */
    private final ThreadLocal<Mac> macs;

    public SubjectRefs(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
            }
        });
    }

    /** The name of {@code address} (canonical: E.164 or lower-cased email) with {@code tenant}. */
    public String of(String tenant, String address) {
        Mac mac = macs.get(); // doFinal leaves it reset for the next use
        mac.update(tenant.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return "s_" + HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
    }
}
