package org.consentry.store.outbox;

import java.time.Instant;

/**
 * One status of a message's history.
 *
 * @param detail what decided it, as a JSON object (the verdict's reasons, the connector's answer), or null
 */
public record StatusEntry(MessageStatus status, Instant at, String detail) {
}
