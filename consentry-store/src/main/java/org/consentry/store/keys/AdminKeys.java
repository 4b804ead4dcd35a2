package org.consentry.store.keys;

import java.time.Clock;
import java.util.Optional;

/** The provider's admin key: configured, or generated once at first start and kept hashed. */
public interface AdminKeys {

    /** True when {@code presented} is the admin key. */
    boolean matches(String presented);

    /**
     * Ensures there is an admin key: with {@code configured} (from CONSENTRY_ADMIN_KEY) that one is used and
     * nothing is stored; else the stored one stays; else a new key is generated, stored hashed and returned
     * so that it can be shown once.
     *
     * @return the new key when one was generated
     */
    Optional<String> ensure(String configured, ApiKeys keys, Clock clock);
}
