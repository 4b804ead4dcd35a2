package org.consentry.delivery.smtp;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the SMTP connector sends: {@code smtp://user:password@host:port} (STARTTLS whenever the server offers it), or
 * {@code smtps://...} for TLS from the first byte. The user and password are optional and percent-decoded (a password
 * with {@code @} or {@code :} is written {@code %40}, {@code %3A}). The port defaults to 587 for smtp and 465 for smtps.
 */
public record SmtpUrl(boolean tls, String host, int port, String user, String password) {

    public SmtpUrl {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the SMTP URL names no host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the SMTP URL's port must be 1 to 65535: " + port);
        }
    }

    /** Reads a URL; a clear {@link IllegalArgumentException} (naming what is wrong, never the password) when it is not one. */
    public static SmtpUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the SMTP URL is not a URL (" + e.getReason() + "); write smtp://user:password@host:port");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
            throw new IllegalArgumentException("the SMTP URL must start with smtp:// or smtps://, not " + (scheme.isEmpty() ? "nothing" : scheme + "://"));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the SMTP URL names no host; write smtp://user:password@host:port");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("the SMTP URL takes no path");
        }
        boolean tls = scheme.equals("smtps");
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        return new SmtpUrl(tls, uri.getHost(), uri.getPort() == -1 ? (tls ? 465 : 587) : uri.getPort(), user, password);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the SMTP URL's user or password holds a bad %-escape");
        }
    }

    /** The URL without its password, for logs. */
    @Override public String toString() {
        return (tls ? "smtps://" : "smtp://") + (user == null ? "" : user + ":***@") + host + ":" + port;
    }
}
