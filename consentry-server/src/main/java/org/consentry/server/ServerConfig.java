package org.consentry.server;

import org.consentry.server.http.TrustedProxies;
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
 * @param pendingLifetime   how long a consent may wait for its double opt-in confirmation before it lapses (default 30 days)
 * @param trustedProxies    the reverse proxies whose {@code X-Forwarded-For} names the client (default none)
 */
public record ServerConfig(String host, int port, String publicUrl, String unsubscribeMailto, SoftBounceLimit softBounceLimit,
                           java.time.Duration pendingLifetime, TrustedProxies trustedProxies) {

    public static final java.time.Duration DEFAULT_PENDING_LIFETIME = java.time.Duration.ofDays(30);


    public ServerConfig {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip();
        if (publicUrl != null && !publicUrl.startsWith("https://") && !publicUrl.startsWith("http://")) {
            throw new IllegalArgumentException("the public URL must start with https:// (or http:// for local tests): " + publicUrl);
        }
        unsubscribeMailto = unsubscribeMailto == null || unsubscribeMailto.isBlank() ? null : unsubscribeMailto.strip();
        softBounceLimit = softBounceLimit == null ? SoftBounceLimit.DEFAULT : softBounceLimit;
        pendingLifetime = pendingLifetime == null ? DEFAULT_PENDING_LIFETIME : pendingLifetime;
        trustedProxies = trustedProxies == null ? TrustedProxies.NONE : trustedProxies;
        if (pendingLifetime.isNegative() || pendingLifetime.isZero()) {
            throw new IllegalArgumentException("pending consents need a lifetime of at least one day");
        }
    }

    public ServerConfig(String host, int port) {
        this(host, port, null, null, SoftBounceLimit.DEFAULT, DEFAULT_PENDING_LIFETIME, TrustedProxies.NONE);
    }
}
