package org.consentry.store.idempotency;

import java.time.Duration;
import java.time.Instant;

/**
 * The answers to requests sent with an {@code Idempotency-Key}, per tenant, for {@link #KEPT}: a request is claimed
 * durably before it takes effect, and its answer kept when it ends, so that a retry (after a timeout, a dropped
 * connection, a restart of either side) gets the first answer and never a second effect. A claim left by a process
 * that died mid-request is never run again: whether it took effect is unknown.
 */
public interface IdempotencyStore {

    /** How long an answer is kept; a key may be used for a new request after that. */
    Duration KEPT = Duration.ofHours(24);

    /** What a claim found. */
    sealed interface Claim {
    }

    /** The key is new (or its answer expired): the request may run, then {@link #complete} or {@link #release} it. */
    record Fresh() implements Claim {
    }

    /** The key answered this same request before: the answer to give again. */
    record Answered(int status, String contentType, byte[] body, Instant at) implements Claim {
    }

    /** The key was used for a different request (method, path or body) within {@link #KEPT}. */
    record Reused(Instant at) implements Claim {
    }

    /**
     * A request with this key is running, or ran in a process that died before it answered ({@code interrupted}): its
     * outcome is unknown, so it is not run again.
     */
    record Running(Instant since, boolean interrupted) implements Claim {
    }

    /** Claims {@code key} for a request of this fingerprint, durably when it is fresh. */
    Claim claim(String tenant, String key, byte[] fingerprint, Instant now);

    /** Keeps the answer of a claimed request. */
    void complete(String tenant, String key, int status, String contentType, byte[] body);

    /** Lets go of a claim whose request took no effect (refused, or failed before writing): a retry runs it. */
    void release(String tenant, String key);

    /**
     * Forgets every answer kept for the tenant (the answers may name a person whose data is being erased): a retry
     * after this runs again.
     */
    void forgetTenant(String tenant);
}
