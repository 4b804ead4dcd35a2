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
        return isIpv4(host) || host.startsWith("[") || host.indexOf(':') >= 0;
    }

    /** Four groups of one to three digits joined by dots. */
    static boolean isIpv4(String host) {
        int groups = 0;
        int digits = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return false;
                }
            } else if (c == '.' && digits > 0 && groups < 3) {
                groups++;
                digits = 0;
            } else {
                return false;
            }
        }
        return groups == 3 && digits > 0;
    }
}
