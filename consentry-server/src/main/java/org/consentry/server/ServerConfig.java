package org.consentry.server;

/**
 * Where the server listens.
 *
 * @param host the interface to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the port; 0 picks a free one
 */
public record ServerConfig(String host, int port) {
}
