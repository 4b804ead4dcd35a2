package org.consentry.store.inbound;

/**
 * What Consentry did with an SMS reply, and the text to send back (null when nothing is to be sent).
 *
 * @param keyword   the words that decided it, upper case (STOP, STOP TEXTING), or null
 * @param ambiguous true when the reply was taken as an opt-out without saying so plainly (fail closed)
 * @param why       why the reply was read as it was
 */
public record ReplyOutcome(ReplyAction action, String keyword, String reply, boolean ambiguous, String why) {
}
