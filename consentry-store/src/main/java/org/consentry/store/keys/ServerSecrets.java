package org.consentry.store.keys;

/** Keys the server signs with, by name: generated (32 random bytes) at first use, then the same for good. */
public interface ServerSecrets {

    /** The secret named {@code name}, created when there is none yet. */
    byte[] secret(String name);
}
