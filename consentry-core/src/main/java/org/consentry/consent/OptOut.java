package org.consentry.consent;

import java.time.Instant;
import java.util.Objects;
import org.consentry.policy.OptOutScope;

/**
 * A recipient's opt-out from one scope.
 *
 * @param at     when the opt-out was first recorded
 * @param via    how it arrived, e.g. {@code sms:STOP} or {@code api}
 * @param latest the latest time the recipient opted out of the scope again (a second STOP); only an opt-in made
 *               after it lifts the opt-out
 */
public record OptOut(OptOutScope scope, Instant at, String via, Instant latest) {

    public OptOut {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(via, "via");
        latest = latest == null || latest.isBefore(at) ? at : latest;
    }

    public OptOut(OptOutScope scope, Instant at, String via) {
        this(scope, at, via, at);
    }

    /** This opt-out, repeated at {@code again}. */
    public OptOut repeatedAt(Instant again) {
        return again.isAfter(latest) ? new OptOut(scope, at, via, again) : this;
    }
}
