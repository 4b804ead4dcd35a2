package org.consentry.inbound;

import java.util.Locale;
import java.util.Objects;

/**
 * What a recipient's reply asks for, and why the classifier thinks so.
 *
 * @param kind      what the reply asks for
 * @param matched   the words that decided it, as read (lower case, accents dropped), or null for NONE
 * @param language  the language of those words (ISO 639-1), or null
 * @param ambiguous true when the reply is taken as an opt-out without saying so plainly (fail closed)
 * @param why       one plain sentence: what was found and what it was taken for
 */
public record ReplyIntent(Kind kind, String matched, String language, boolean ambiguous, String why) {

    /** What a reply asks for. CONFIRM is a YES: it confirms a pending double opt-in, or opts back in. */
    public enum Kind {
        OPT_OUT, OPT_IN, CONFIRM, HELP, NONE;

        /** The name used on the wire, lower-cased once rather than on every answer. */
        private final String wireName = name().toLowerCase(Locale.ROOT);

        public String wireName() {
            return wireName;
        }
    }

    public ReplyIntent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(why, "why");
    }

    static ReplyIntent none(String why) {
        return new ReplyIntent(Kind.NONE, null, null, false, why);
    }

    public boolean isOptOut() {
        return kind == Kind.OPT_OUT;
    }
}
