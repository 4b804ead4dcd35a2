package org.consentry.policy;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a check. {@code reasons} lists every reason found, in rulebook order; {@code notBefore}
 * is set only for a deferral whose lawful time is known; {@code notices} carry what does not change the
 * decision.
 */
public record Verdict(Decision decision, Instant notBefore, List<Reason> reasons, List<Reason> notices) {

    private static final Verdict ALLOW = new Verdict(Decision.ALLOW, null, List.of(), List.of());

    public Verdict {
        reasons = List.copyOf(reasons);
        notices = List.copyOf(notices);
    }

    public static Verdict allow() {
        return ALLOW;
    }

    public boolean allowed() {
        return decision == Decision.ALLOW;
    }

    public boolean hasReason(ReasonCode code) {
        for (Reason reason : reasons) {
            if (reason.code() == code) {
                return true;
            }
        }
        return false;
    }
}
