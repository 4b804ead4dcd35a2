package org.consentry.delivery;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.consentry.policy.Channel;

/**
 * Hands messages of some channels to a peer: an SMTP server, an SMSC, an HTTP endpoint. A connector answers every
 * message it is given, never with an exception: a failure is {@link Delivery.Unavailable} (tried again later) or
 * {@link Delivery.Rejected} (not tried again).
 */
public interface Connector extends AutoCloseable {

    /** Its name in a message's history ({@code smtp}, {@code smpp}, {@code webhook}). */
    String name();

    /** The channels it delivers. */
    Set<Channel> channels();

    /**
     * Starts the connector, if it needs starting (binding to its peer), with where its peer's reports go. Called once,
     * before the first {@link #send}.
     */
    default void start(Reports reports) {
    }

    /** Delivers one message; the future completes when the peer has answered (or could not be reached). */
    CompletableFuture<Delivery> send(Outbound message);

    @Override void close();
}
