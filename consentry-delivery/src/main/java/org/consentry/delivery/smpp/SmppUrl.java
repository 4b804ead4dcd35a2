package org.consentry.delivery.smpp;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where the SMPP connector binds: {@code smpp://system_id:password@host:port?system_type=XYZ&window=N}. The system id
 * and password are percent-decoded (a password with {@code @} or {@code :} is written {@code %40}, {@code %3A}) and must
 * fit SMPP's room for them (15, 8 and 12 octets for system_id, password and system_type); the port defaults to 2775. {@code window} is how many submit_sm may wait for their answer at once (1 to 1000, 10 when not given);
 * {@code system_type} is empty when not given. Any other query parameter is refused, so a misspelt one is not ignored.
 */
public record SmppUrl(String host, int port, String systemId, String password, String systemType, int window) {

    public static final int DEFAULT_PORT = 2775;
    public static final int DEFAULT_WINDOW = 10;
    public static final int MAX_WINDOW = 1000;

    public SmppUrl {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the SMPP URL names no host; write smpp://system_id:password@host:port");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the SMPP URL's port must be 1 to 65535: " + port);
        }
        if (systemId == null || systemId.isEmpty()) {
            throw new IllegalArgumentException("the SMPP URL names no system_id; write smpp://system_id:password@host:port");
        }
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("the SMPP URL's window must be 1 to " + MAX_WINDOW + ": " + window);
        }
        password = password == null ? "" : password;
        systemType = systemType == null ? "" : systemType;
        fits("system_id", systemId, 15);
        fits("password", password, 8);
        fits("system_type", systemType, 12);
    }

    /** SMPP 3.4 gives the bind's strings fixed room (C-Octet Strings of 16, 9 and 13 octets with their NUL). */
    private static void fits(String field, String value, int octets) {
        if (value.getBytes(StandardCharsets.UTF_8).length > octets) {
            throw new IllegalArgumentException("the SMPP URL's " + field + " is longer than SMPP allows (" + octets + " octets)");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the SMPP URL's " + field + " holds a NUL character");
        }
    }

    /** Reads a URL; a clear {@link IllegalArgumentException} (naming what is wrong, never the password) when it is not one. */
    public static SmppUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the SMPP URL is not a URL (" + e.getReason() + "); write smpp://system_id:password@host:port");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("smpp")) {
            throw new IllegalArgumentException("the SMPP URL must start with smpp://, not " + (scheme.isEmpty() ? "nothing" : scheme + "://"));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the SMPP URL names no host; write smpp://system_id:password@host:port");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("the SMPP URL takes no path");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the SMPP URL takes no #fragment");
        }
        String info = uri.getRawUserInfo();
        if (info == null) {
            throw new IllegalArgumentException("the SMPP URL names no system_id; write smpp://system_id:password@host:port");
        }
        int colon = info.indexOf(':');
        String systemId = decode(colon < 0 ? info : info.substring(0, colon));
        String password = colon < 0 ? "" : decode(info.substring(colon + 1));
        Query query = Query.read(uri.getRawQuery());
        return new SmppUrl(uri.getHost(), uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(), systemId, password,
                query.systemType, query.window);
    }

    /** The query's two known parameters. */
    private record Query(String systemType, int window) {

        static Query read(String raw) {
            String systemType = "";
            int window = DEFAULT_WINDOW;
            if (raw == null || raw.isEmpty()) {
                return new Query(systemType, window);
            }
            for (String pair : raw.split("&", -1)) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                switch (name) {
                    case "system_type" -> systemType = value;
                    case "window" -> window = window(value);
                    default -> throw new IllegalArgumentException("the SMPP URL takes only system_type and window as parameters, not '"
                            + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'");
                }
            }
            return new Query(systemType, window);
        }

        private static int window(String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the SMPP URL's window must be a number from 1 to " + MAX_WINDOW);
            }
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the SMPP URL holds a bad %-escape");
        }
    }

    /** The URL without its password, for logs. */
    @Override public String toString() {
        return "smpp://" + systemId + ":***@" + host + ":" + port + "?"
                + (systemType.isEmpty() ? "" : "system_type=" + systemType + "&") + "window=" + window;
    }
}
