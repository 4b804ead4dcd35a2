package org.consentry.server;

import org.consentry.store.inbound.EmailFeedback.SoftBounceLimit;

/**
 * Where the server listens, and how recipients reach it.
 *
 * @param host              the interface to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port              the port; 0 picks a free one
 * @param publicUrl         the address recipients reach the server at, for the links it issues (unsubscribe),
 *                          e.g. {@code https://consentry.example.com}; null: the address a request came in on
 * @param unsubscribeMailto a mailbox for unsubscribe mail, offered beside the https link in List-Unsubscribe; null for none
 * @param softBounceLimit   how many soft bounces within how many days suppress an address (default 3 in 7 days)
 */
public record ServerConfig(String host, int port, String publicUrl, String unsubscribeMailto, SoftBounceLimit softBounceLimit) {

    public ServerConfig {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip();
        if (publicUrl != null && !publicUrl.startsWith("https://") && !publicUrl.startsWith("http://")) {
            throw new IllegalArgumentException("the public URL must start with https:// (or http:// for local tests): " + publicUrl);
        }
        unsubscribeMailto = unsubscribeMailto == null || unsubscribeMailto.isBlank() ? null : unsubscribeMailto.strip();
        softBounceLimit = softBounceLimit == null ? SoftBounceLimit.DEFAULT : softBounceLimit;
    }

    public ServerConfig(String host, int port) {
        this(host, port, null, null, SoftBounceLimit.DEFAULT);
    }
}
