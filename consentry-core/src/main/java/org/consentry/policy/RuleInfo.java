package org.consentry.policy;

import java.util.List;
import java.util.Objects;

/**
 * A rule's description.
 *
 * @param id        stable identifier shown in verdicts, e.g. {@code quiet-hours/us-federal}
 * @param summary   what the rule checks, in one sentence
 * @param why       why the rule exists: the harm it prevents or the duty it meets, in a sentence or two
 * @param citation  the provision it encodes
 * @param codes     the reason codes it can give; the first is the one it gives when it fails
 * @param dataFiles the resource files its data comes from, if any
 */
public record RuleInfo(String id, String summary, String why, String citation, List<ReasonCode> codes, List<String> dataFiles) {

    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(summary, "summary");
        why = why == null ? "" : why;
        Objects.requireNonNull(citation, "citation");
        codes = List.copyOf(codes);
        dataFiles = List.copyOf(dataFiles);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " names no reason code");
        }
    }

    /** A description still without its why; give it with {@link #because}. */
    public RuleInfo(String id, String summary, String citation, List<ReasonCode> codes, List<String> dataFiles) {
        this(id, summary, "", citation, codes, dataFiles);
    }

    /** The same description, with why the rule exists. */
    public RuleInfo because(String reason) {
        return new RuleInfo(id, summary, reason, citation, codes, dataFiles);
    }

    public ReasonCode primaryCode() {
        return codes.get(0);
    }

    /** A reason from this rule with the given code. */
    public Reason reason(ReasonCode code, String message, java.util.Map<String, Object> evidence) {
        return new Reason(code, id, message, citation, evidence);
    }

    /** A reason from this rule with its primary code. */
    public Reason reason(String message, java.util.Map<String, Object> evidence) {
        return reason(primaryCode(), message, evidence);
    }
}
