package org.consentry.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * What one rule concluded: pass (perhaps with a notice that does not change the decision), or a reason
 * that blocks or defers by its code, with the earliest lawful instant for a deferral when there is one.
 */
public final class Outcome {

    private static final Outcome PASS = new Outcome(null, null, null);

    private final Reason reason;
    private final Instant notBefore;
    private final Reason notice;

    private Outcome(Reason reason, Instant notBefore, Reason notice) {
        this.reason = reason;
        this.notBefore = notBefore;
        this.notice = notice;
    }

    public static Outcome pass() {
        return PASS;
    }

    /** Passes, with something the sender should know (a registry copy 25 days old, a consent about to expire). */
    public static Outcome notice(Reason notice) {
        return new Outcome(null, null, Objects.requireNonNull(notice, "notice"));
    }

    /** A reason whose code blocks. */
    public static Outcome block(Reason reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.effect() != Effect.BLOCK) {
            throw new IllegalArgumentException(reason.code() + " defers; use defer()");
        }
        return new Outcome(reason, null, null);
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
        return new Outcome(reason, notBefore, null);
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

    public Reason notice() {
        return notice;
    }
}
