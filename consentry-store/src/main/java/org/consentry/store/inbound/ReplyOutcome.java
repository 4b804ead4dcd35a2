package org.consentry.store.inbound;

/**
 * What Consentry did with an SMS reply, and the text to send back (null when nothing is to be sent).
 *
 * @param keyword the keyword recognised, or null
 */
public record ReplyOutcome(ReplyAction action, String keyword, String reply) {
}
