package org.consentry.store.outbox;

import java.time.Instant;

/**
 * A status the tenant's status webhook is to hear of.
 *
 * @param seq      the status's place in the message's history (with the message id, the notice's own id)
 * @param attempts how many posts of it failed so far
 */
public record StatusNotice(String messageId, int seq, String tenant, String to, String channel, StatusEntry status, int attempts) {
}
