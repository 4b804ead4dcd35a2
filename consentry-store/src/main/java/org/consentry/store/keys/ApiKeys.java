package org.consentry.store.keys;

import java.security.SecureRandom;
import java.util.Base64;
import org.consentry.ledger.ChainHash;

/**
 * Makes keys and their hashes. A key is a prefix ({@code csk_} for tenants, {@code csa_} for the admin)
 * and 32 random bytes in URL-safe base64; only {@link #hash} of it is ever stored.
 */
public final class ApiKeys {

    public static final String TENANT_PREFIX = "csk_";
    public static final String ADMIN_PREFIX = "csa_";

    private final SecureRandom random = new SecureRandom();

    public String newTenantKey() {
        return TENANT_PREFIX + randomPart();
    }

    public String newAdminKey() {
        return ADMIN_PREFIX + randomPart();
    }

    public static String hash(String key) {
        return ChainHash.sha256(key);
    }

    private String randomPart() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
