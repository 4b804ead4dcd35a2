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

    /**
     * Replaces the stored admin key with a new one (a key that leaked, or a person who had it left): the new key is
     * handed to {@code keep} first, then its hash replaces every stored one in one transaction, so the old key opens
     * nothing once a server has started on the store again. A key configured by CONSENTRY_ADMIN_KEY is not stored and
     * is replaced where it is configured.
     *
     * @return the new key
     */
    String replace(ApiKeys keys, Clock clock, Consumer<String> keep);

    /** As above, for a caller that keeps a generated key only by showing it. */
    default Optional<String> ensure(String configured, ApiKeys keys, Clock clock) {
        return ensure(configured, keys, clock, key -> {
        });
    }
}
