package org.consentry.store.outbox;

import java.time.Instant;
import org.consentry.policy.SendRequest;

/**
 * A message in the outbox.
 *
 * @param address   the recipient as the ledger names them (E.164, or the lower-cased email address)
 * @param request   the request; once {@code committed}, exactly what is to be delivered (with any opt-out line added)
 * @param dueAt     when it is next to be worked on (handed to its connector, or checked again); null when it waits for
 *                  nothing
 * @param committed its send is in the ledger (it counts toward caps and duplicates): it is to be delivered, not checked
 * @param attempts  how many times a connector was asked to take it and could not
 */
public record OutboxMessage(String id, String tenant, String address, SendRequest request, MessageStatus status, Instant dueAt,
                            boolean committed, int attempts, Instant createdAt, String providerId) {
}
