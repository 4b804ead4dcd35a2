package org.consentry.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the links in a body: HTML anchors (with the text they show), URLs with a scheme, {@code www.} hosts
 * and bare {@code host.tld/path} forms (how SMS carry links). Email addresses are not links.
 */
final class Links {

    private Links() {
    }

    static List<Link> find(String body) {
        return find(body, body.indexOf('<') < 0 ? null : body.toLowerCase(Locale.ROOT));
    }

    /** @param lowerCase the body in lower case, as {@code toLowerCase(Locale.ROOT)} gives it; null when it has no tags */
    static List<Link> find(String body, String lowerCase) {
        return body.indexOf('<') < 0 ? inText(body) : withTags(body, lowerCase);
    }

    /**
     * The links of a body without tags (every text message). A token can only be a link when it holds a dot or a
     * colon, so the search goes from one of those to the next (found by {@code indexOf}, which reads many characters
     * at a time) and reads only the tokens around them; {@link #withTags} walks every token. Both find the same links
     * in such a body ({@code LinksTest}).
     */
    static List<Link> inText(String body) {
        List<Link> links = new ArrayList<>(2);
        int length = body.length();
        int dot = body.indexOf('.');
        int colon = body.indexOf(':');
        while (dot >= 0 || colon >= 0) {
            int mark = dot < 0 ? colon : colon < 0 ? dot : Math.min(dot, colon);
            int start = mark;
            while (start > 0 && !isBoundary(body.charAt(start - 1))) {
                start--;
            }
            int end = mark + 1;
            while (end < length && !isBoundary(body.charAt(end))) {
                end++;
            }
            addIfLink(body, start, end, links);
            if (dot >= 0 && dot < end) {
                dot = body.indexOf('.', end);
            }
            if (colon >= 0 && colon < end) {
                colon = body.indexOf(':', end);
            }
        }
        return links;
    }

    /** What ends a token in a body without tags. */
    private static boolean isBoundary(char c) {
        return c == '"' || c == '\'' || isSpace(c);
    }

    /** The links of a body with tags: its anchors, then the tokens outside tags and anchors. */
    static List<Link> withTags(String body, String lowerCase) {
        List<Link> links = new ArrayList<>(2);
        List<int[]> anchors = new ArrayList<>(0);
        String lower = body.indexOf('<') < 0 ? null : lowerCase;
        int searchFrom = 0;
        while (lower != null) {
            int open = lower.indexOf("<a", searchFrom);
            if (open < 0) {
                break;
            }
            int tagEnd = lower.indexOf('>', open);
            int close = tagEnd < 0 ? -1 : lower.indexOf("</a>", tagEnd);
            if (tagEnd < 0 || close < 0) {
                break;
            }
            String href = attribute(body.substring(open, tagEnd + 1), "href");
            if (href != null) {
                // the host as the browser reads it ("https://b&#105;t.ly" is bit.ly); the link kept as written,
                // since the duplicate hash finds it in the body to drop its tracking parameters
                String host = hostOf(asBrowserReadsIt(HtmlText.of(href)));
                if (host != null) {
                    links.add(new Link(href, host, HtmlText.of(stripTags(body.substring(tagEnd + 1, close))).strip()));
                }
            }
            anchors.add(new int[] {open, close + 4});
            searchFrom = close + 4;
        }
        int i = 0;
        int anchor = 0;
        int length = body.length();
        while (i < length) {
            if (anchor < anchors.size() && i >= anchors.get(anchor)[0]) {
                i = Math.max(i, anchors.get(anchor)[1]);
                anchor++;
                continue;
            }
            char c = body.charAt(i);
            if (isSpace(c) || c == '<') {
                i = skipTag(body, i) + 1;
                continue;
            }
            int end = i;
            boolean dotOrColon = false;
            while (end < length) {
                char d = body.charAt(end);
                if (d == '<' || d == '"' || d == '\'' || isSpace(d)) {
                    break;
                }
                dotOrColon |= d == '.' || d == ':';
                end++;
            }
            if (dotOrColon) {
                addIfLink(body, i, end, links);
            }
            i = Math.max(end, i + 1);
        }
        return links;
    }

    /** Adds the token {@code body[start, end)}, which holds a dot or a colon, when it is a link. */
    private static void addIfLink(String body, int start, int end, List<Link> links) {
        int from = start;
        int stop = end;
        // trimmed of the punctuation around it first: "Bench:" and "today." are words, not links
        while (stop > from && TRAILING.indexOf(body.charAt(stop - 1)) >= 0) {
            stop--;
        }
        while (from < stop && LEADING.indexOf(body.charAt(from)) >= 0) {
            from++;
        }
        if (hasDotOrColon(body, from, stop)) {
            String token = body.substring(from, stop);
            if (looksLikeLink(token)) {
                String host = hostOf(token);
                if (host != null) {
                    links.add(new Link(token, host, null));
                }
            }
        }
    }

    /** White space, and the spaces Java does not call white space: the no-break spaces (U+00A0, U+2007, U+202F) end a link as any other. */
    static boolean isSpace(char c) {
        return c <= ' ' ? Character.isWhitespace(c) : c >= 128 && (Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private static int skipTag(String body, int i) {
        if (body.charAt(i) == '<' && HtmlText.startsTag(body, i)) {
            int close = body.indexOf('>', i);
            return close < 0 ? i : close;
        }
        return i;
    }

    private static boolean looksLikeLink(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("www.")) {
            return true;
        }
        if (lower.indexOf('@') >= 0) {
            return false;
        }
        int slash = lower.indexOf('/');
        String host = slash < 0 ? lower : lower.substring(0, slash);
        int dot = host.lastIndexOf('.');
        if (dot <= 0 || dot == host.length() - 1) {
            return false;
        }
        if (host.length() - dot - 1 < 2 || !allLowerLetters(host, dot + 1)) {
            return isIpv4(host);
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean allLowerLetters(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) < 'a' || text.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4(String host) {
        int colon = host.indexOf(':');
        if (colon < 0) {
            return Link.isIpv4(host);
        }
        if (colon == host.length() - 1) {
            return false;
        }
        for (int i = colon + 1; i < host.length(); i++) {
            if (host.charAt(i) < '0' || host.charAt(i) > '9') {
                return false;
            }
        }
        return Link.isIpv4(host.substring(0, colon));
    }

    /** The host of a link, lower case, without user info or port; null when there is none. */
    static String hostOf(String url) {
        String rest = url.strip();
        int from = 0;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            from = scheme + 3;
        } else if (rest.regionMatches(true, 0, "mailto:", 0, 7) || rest.regionMatches(true, 0, "tel:", 0, 4)) {
            return null;
        }
        // the authority: up to the path, query or fragment; after any user info; without a port
        int end = rest.length();
        for (int i = from; i < end; i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        int userInfo = rest.lastIndexOf('@', end - 1);
        if (userInfo >= from) {
            from = userInfo + 1;
        }
        if (from < end && rest.charAt(from) == '[') {
            int close = rest.indexOf(']', from);
            return close >= 0 && close < end ? rest.substring(from, close + 1).toLowerCase(Locale.ROOT) : null;
        }
        int port = rest.lastIndexOf(':', end - 1);
        if (port >= from) {
            end = port;
        }
        String authority = unescaped(rest.substring(from, end)).toLowerCase(Locale.ROOT);
        int length = authority.length();
        while (length > 0 && authority.charAt(length - 1) == '.') {
            length--;
        }
        return length == 0 ? null : authority.substring(0, length);
    }

    /**
     * An href as a browser reads it before it goes there (WHATWG URL): tabs and line breaks dropped, backslashes
     * read as slashes, a scheme-relative "//host" under https, and "https:host", "https:/host" or
     * "https:\\host" under a web scheme all read as "https://host".
     */
    static String asBrowserReadsIt(String href) {
        String url = href.strip();
        if (url.indexOf('\t') >= 0 || url.indexOf('\n') >= 0 || url.indexOf('\r') >= 0) {
            url = url.replace("\t", "").replace("\n", "").replace("\r", "");
        }
        url = url.replace('\\', '/');
        if (url.startsWith("//")) {
            return "https:" + url;
        }
        int colon = url.indexOf(':');
        if (colon < 0 || !WEB_SCHEMES.contains(url.substring(0, colon).toLowerCase(Locale.ROOT))) {
            return url;
        }
        int host = colon + 1;
        while (host < url.length() && url.charAt(host) == '/') {
            host++;
        }
        return url.substring(0, colon) + "://" + url.substring(host);
    }

    /** The schemes whose URLs a browser reads with a host whatever slashes follow the colon. */
    private static final Set<String> WEB_SCHEMES = Set.of("http", "https", "ftp", "ws", "wss");

    /** The host with its percent-escapes decoded, as a browser does before it looks the host up ("b%69t.ly" is "bit.ly"). */
    static String unescaped(String host) {
        if (host.indexOf('%') < 0) {
            return host;
        }
        byte[] bytes = new byte[host.length() * 4];
        int length = 0;
        int i = 0;
        while (i < host.length()) {
            int high = host.charAt(i) == '%' && i + 2 < host.length() ? Character.digit(host.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(host.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                bytes[length++] = (byte) (high * 16 + low);
                i += 3;
            } else { // any other character, a broken escape too, stays as written
                int codePoint = host.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(encoded, 0, bytes, length, encoded.length);
                length += encoded.length;
                i += Character.charCount(codePoint);
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * What stands before an @ in a URL's authority ("paypal.com" in https://paypal.com@evil.example/), or null:
     * a browser goes to the host after it, and the reader sees the name before it.
     */
    static String userInfo(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int start = scheme + 3;
        int end = url.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = url.indexOf(stop, start);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        int userInfo = url.lastIndexOf('@', end - 1);
        return userInfo < start ? null : url.substring(start, userInfo);
    }

    private static final String TRAILING = ".,;:!?)]}>";
    private static final String LEADING = "([{";

    private static boolean hasDotOrColon(String body, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = body.charAt(i);
            if (c == '.' || c == ':') {
                return true;
            }
        }
        return false;
    }

    private static String attribute(String tag, String name) {
        String lower = tag.toLowerCase(Locale.ROOT);
        int at = attributeAt(lower, name + "=");
        if (at < 0) {
            at = attributeAt(lower, name + " =");
            if (at < 0) {
                return null;
            }
        }
        int equals = tag.indexOf('=', at);
        int start = equals + 1;
        while (start < tag.length() && tag.charAt(start) == ' ') {
            start++;
        }
        if (start >= tag.length()) {
            return null;
        }
        char quote = tag.charAt(start);
        if (quote == '"' || quote == '\'') {
            int end = tag.indexOf(quote, start + 1);
            return end < 0 ? null : tag.substring(start + 1, end);
        }
        int end = start;
        while (end < tag.length() && !Character.isWhitespace(tag.charAt(end)) && tag.charAt(end) != '>') {
            end++;
        }
        return tag.substring(start, end);
    }

    /** Where the attribute starts: after white space, so that "href=" inside "data-href=" is not it; or -1. */
    private static int attributeAt(String lowerTag, String nameAndEquals) {
        int at = lowerTag.indexOf(nameAndEquals);
        while (at > 0 && !Character.isWhitespace(lowerTag.charAt(at - 1))) {
            at = lowerTag.indexOf(nameAndEquals, at + 1);
        }
        return at;
    }

    private static String stripTags(String html) {
        StringBuilder text = new StringBuilder(html.length());
        boolean inTag = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') {
                inTag = true;
            } else if (c == '>') {
                inTag = false;
            } else if (!inTag) {
                text.append(c);
            }
        }
        return text.toString();
    }
}
