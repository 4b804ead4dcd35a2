package org.consentry.feedback;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An email address as a report's fields give it ({@code rfc822; ana@example.com}, {@code Ana <ana@example.com>},
 * {@code utf-8; ana@b\x{FC}cher.example}): lower case, RFC 6533's {@code \x{...}} escapes decoded. An
 * internationalised domain stays in Unicode here (the core does no networking, {@code java.net.IDN} included); the
 * store puts it in the ASCII form checks use before recording it.
 */
final class ReportedAddress {

    private static final Pattern ESCAPE = Pattern.compile("\\\\x\\{([0-9A-Fa-f]{1,6})\\}");

    private ReportedAddress() {
    }

    /** The address in a field value; null when there is none (a redacted recipient, say) or it cannot be read. */
    static String read(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        boolean utf8 = false;
        int semicolon = text.indexOf(';');
        if (semicolon >= 0 && semicolon < 16 && text.substring(0, semicolon).strip().matches("(?i)rfc822|utf-8")) {
            utf8 = text.substring(0, semicolon).strip().equalsIgnoreCase("utf-8");
            text = text.substring(semicolon + 1).strip();
        }
        int open = text.lastIndexOf('<');
        int close = text.lastIndexOf('>');
        if (open >= 0 && close > open) {
            text = text.substring(open + 1, close).strip();
        }
        if (utf8) {
            text = unescaped(text);
        }
        if (text == null) {
            return null;
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.indexOf(' ') >= 0 || text.length() > 320) {
            return null;
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** {@code \x{FC}} as {@code ü} (RFC 6533 section 3); null when an escape names no character. */
    private static String unescaped(String text) {
        Matcher escape = ESCAPE.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        while (escape.find()) {
            int codePoint = Integer.parseInt(escape.group(1), 16);
            if (codePoint < 0x20 || codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return null;
            }
            escape.appendReplacement(decoded, Matcher.quoteReplacement(new String(Character.toChars(codePoint))));
        }
        escape.appendTail(decoded);
        return decoded.toString();
    }
}
