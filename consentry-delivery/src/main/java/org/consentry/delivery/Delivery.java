package org.consentry.delivery;

/** What a connector made of a message. */
public sealed interface Delivery {

    /** The peer took the message; {@code providerId} is its name for it (an SMSC's message id, an SMTP queue id), if any. */
    record Accepted(String providerId) implements Delivery {
    }

    /** The peer refused the message for good (an invalid recipient, a permanent 5xx): it is not tried again. */
    record Rejected(String reason) implements Delivery {
    }

    /** The peer could not take it now (unreachable, a 4xx, a full window): it is tried again later. */
    record Unavailable(String reason) implements Delivery {
    }
}
