package org.consentry.delivery;

import java.time.Instant;

/**
 * What a peer reports back to a connector after it took a message: delivery receipts, and messages from the
 * recipients (an SMS reply through the SMSC). A connector that hears nothing back ignores it.
 */
public interface Reports {

    /** A delivery receipt's outcome. */
    enum Outcome {
        /** The handset or mailbox has it. */
        DELIVERED,
        /** The network gave up on it (expired, undeliverable, rejected, deleted). */
        FAILED,
        /** Anything else (accepted, en route, unknown): no change of status. */
        PENDING
    }

    /**
     * A delivery receipt for the message the peer named {@code providerId} when it took it.
     *
     * @param detail the receipt's own words (its stat and err fields), kept in the message's history
     */
    void receipt(String connector, String providerId, Outcome outcome, String detail, Instant at);

    /** A message a recipient sent to one of the tenants' numbers ({@code to}); {@code from} is theirs, in E.164. */
    void reply(String from, String to, String body, Instant at);

    /** Reports that go nowhere. */
    Reports NONE = new Reports() {
        @Override public void receipt(String connector, String providerId, Outcome outcome, String detail, Instant at) {
        }

        @Override public void reply(String from, String to, String body, Instant at) {
        }
    };
}
