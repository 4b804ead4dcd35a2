package org.consentry.store.keys;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/** The provider's admin key: configured, or generated once at first start and kept hashed. */
public interface AdminKeys {

    /** True when {@code presented} is the admin key. */
    boolean matches(String presented);

    /**
     * Ensures there is an admin key: with {@code configured} (from CONSENTRY_ADMIN_KEY) that one is used and
     * nothing is stored; else the stored one stays; else a new key is generated, handed to {@code keep} and only
     * then stored hashed, and returned so that it can be shown once. When {@code keep} throws, nothing is stored: a
     * key whose hash is stored but that nobody was given would lock the provider out for good.
     *
     * @return the new key when one was generated
     */
    Optional<String> ensure(String configured, ApiKeys keys, Clock clock, Consumer<String> keep);

    /** As above, for a caller that keeps a generated key only by showing it. */
    default Optional<String> ensure(String configured, ApiKeys keys, Clock clock) {
        return ensure(configured, keys, clock, key -> {
        });
    }
}
