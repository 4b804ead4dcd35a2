package org.consentry.inbound;

/** What a keyword asks for. YES confirms a pending double opt-in, or opts back in when there is none. */
public enum KeywordAction {
    OPT_OUT, OPT_IN, CONFIRM, HELP
}
