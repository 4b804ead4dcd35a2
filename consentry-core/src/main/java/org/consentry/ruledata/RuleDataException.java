package org.consentry.ruledata;

/** A rule data file that cannot be used, with where the problem is. */
public final class RuleDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RuleDataException(String file, int line, String key, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (key == null ? "" : " [" + key + "]") + ": " + problem);
    }
}
