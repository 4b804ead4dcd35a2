package org.consentry.store.inbound;

import java.util.Locale;

/** What an SMS reply did. */
public enum ReplyAction {
    OPT_OUT, OPT_IN, HELP, CONFIRM, NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
