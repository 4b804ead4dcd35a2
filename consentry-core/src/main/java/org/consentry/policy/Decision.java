package org.consentry.policy;

import java.util.Locale;

/** The outcome of a check: block if any reason blocks, else defer if any defers, else allow. */
public enum Decision {
    ALLOW, DEFER, BLOCK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
