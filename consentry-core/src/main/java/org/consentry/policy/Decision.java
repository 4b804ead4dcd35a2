package org.consentry.policy;

import java.util.Locale;

/** The outcome of a check: block if any reason blocks, else defer if any defers, else allow. */
public enum Decision {
    ALLOW, DEFER, BLOCK;

    /** The name used on the wire, lower-cased once rather than on every answer. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }
}
