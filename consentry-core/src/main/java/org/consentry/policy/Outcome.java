package org.consentry.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * What one rule concluded: pass, or a reason (which blocks or defers by its code), with the earliest
 * lawful instant for a deferral when there is one.
 */
public final class Outcome {

    private static final Outcome PASS = new Outcome(null, null);

    private final Reason reason;
    private final Instant notBefore;

    private Outcome(Reason reason, Instant notBefore) {
        this.reason = reason;
        this.notBefore = notBefore;
    }

    public static Outcome pass() {
        return PASS;
    }

    /** A reason whose code blocks. */
    public static Outcome block(Reason reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.effect() != Effect.BLOCK) {
            throw new IllegalArgumentException(reason.code() + " defers; use defer()");
        }
        return new Outcome(reason, null);
    }

    /**
     * A reason whose code defers.
     *
     * @param notBefore the earliest lawful instant, or null when none can be named (an unknown time zone)
     */
    public static Outcome defer(Reason reason, Instant notBefore) {
        Objects.requireNonNull(reason, "reason");
        if (reason.effect() != Effect.DEFER) {
            throw new IllegalArgumentException(reason.code() + " blocks; use block()");
        }
        return new Outcome(reason, notBefore);
    }

    public boolean passed() {
        return reason == null;
    }

    public Reason reason() {
        return reason;
    }

    public Instant notBefore() {
        return notBefore;
    }
}
