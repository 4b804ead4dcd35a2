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
        return isIpv4(host) || endsInNumber(host) || host.startsWith("[") || host.indexOf(':') >= 0;
    }

    /**
     * True when the host's last label is a number, decimal or 0x hex: browsers then read the whole host as an
     * IPv4 address, in any of its spellings ("3105621003", "0xB91A040B", "0271.032.04.013", "185.23.1035"),
     * as the WHATWG URL standard's host parser does ("ends in a number").
     */
    static boolean endsInNumber(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        boolean hex = last.length() >= 2 && last.charAt(0) == '0' && (last.charAt(1) == 'x' || last.charAt(1) == 'X');
        for (int i = hex ? 2 : 0; i < last.length(); i++) {
            char c = last.charAt(i);
            boolean digit = (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!digit) {
                return false;
            }
        }
        return true;
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
