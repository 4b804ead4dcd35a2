package org.consentry.content;

/**
 * A link in a message.
 *
 * @param url         the link as written (for HTML, the href)
 * @param host        its host, lower-cased, without a port
 * @param displayText for an HTML anchor, the text shown; else null
 */
public record Link(String url, String host, String displayText) {

    /** True when the host is an IPv4 or IPv6 literal. */
    public boolean hostIsIpLiteral() {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.startsWith("[") || host.indexOf(':') >= 0;
    }
}
