package org.consentry.policy;

import java.util.Map;
import java.util.Objects;

/**
 * Why a rule stopped or held a message: the code, the rule that gave it, a plain sentence, the provision
 * cited, and the evidence used (snake_case keys, plain values). The effect is the code's own, except when
 * a rule fails: then it blocks whatever its code (fail closed).
 */
public record Reason(ReasonCode code, Effect effect, String rule, String message, String citation,
                     Map<String, Object> evidence) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(citation, "citation");
        evidence = evidence == null ? Map.of() : evidence;
    }

    /** A reason with its code's own effect. */
    public Reason(ReasonCode code, String rule, String message, String citation, Map<String, Object> evidence) {
        this(code, code.effect(), rule, message, citation, evidence);
    }
}
