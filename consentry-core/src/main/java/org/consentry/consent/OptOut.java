package org.consentry.consent;

import java.time.Instant;
import java.util.Objects;
import org.consentry.policy.OptOutScope;

/**
 * A recipient's opt-out from one scope.
 *
 * @param via how it arrived, e.g. {@code sms:STOP} or {@code api}
 */
public record OptOut(OptOutScope scope, Instant at, String via) {

    public OptOut {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(via, "via");
    }
}
