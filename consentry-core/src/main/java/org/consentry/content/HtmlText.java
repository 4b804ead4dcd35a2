package org.consentry.content;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An HTML body's text as a mail client shows it, for the words reader: character references are decoded
 * ("&#99;asino" shows "casino"), and inline tags and comments, which do not break a word on screen
 * ("cas&lt;b&gt;&lt;/b&gt;ino"), are dropped; every other tag (a paragraph, a line break, a cell, a link) is a space.
 * Text without '&amp;' or '&lt;' is returned as it is.
 */
final class HtmlText {

    /** Tags a browser lays out inside a line of text: they leave the letters around them one word. */
    private static final Set<String> INLINE = Set.of("b", "i", "u", "s", "em", "strong", "span", "font", "small", "big",
            "mark", "sub", "sup", "strike", "del", "ins", "abbr", "bdi", "bdo", "code", "kbd", "q", "tt", "var", "wbr");
    private static final Map<String, Character> NAMED = Map.of("amp", '&', "lt", '<', "gt", '>', "quot", '"',
            "apos", '\'', "nbsp", '\u00A0', "shy", '\u00AD', "zwj", '\u200D', "zwnj", '\u200C', "rsquo", '\u2019');
    private static final int LONGEST_REFERENCE = 10;
    private static final int LONGEST_TAG = 2000;

    private HtmlText() {
    }

    static String of(String text) {
        int first = firstMarkup(text);
        if (first < 0) {
            return text; // "Msg&data rates may apply": nothing to read differently, and no copy
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        int i = first;
        while (i < text.length()) {
            char c = text.charAt(i);
            int next = c == '&' ? reference(text, i, out) : c == '<' ? tag(text, i, out) : -1;
            if (next < 0) {
                out.append(c);
                i++;
            } else {
                i = next;
            }
        }
        return out.toString();
    }

    /** Where the first '&lt;' or the first '&amp;' that may start a reference is, or -1. */
    private static int firstMarkup(String text) {
        int tag = text.indexOf('<');
        int from = 0;
        while (true) {
            int ampersand = text.indexOf('&', from);
            if (ampersand < 0 || (tag >= 0 && ampersand > tag)) {
                return tag;
            }
            int semicolon = text.indexOf(';', ampersand + 1);
            if (semicolon > ampersand + 1 && semicolon - ampersand <= LONGEST_REFERENCE) {
                return ampersand;
            }
            from = ampersand + 1;
        }
    }

    /** Decodes the reference at {@code at} into {@code out}; the index after it, or -1 when there is none. */
    private static int reference(String text, int at, StringBuilder out) {
        int semicolon = text.indexOf(';', at + 1);
        if (semicolon < 0 || semicolon - at > LONGEST_REFERENCE || semicolon == at + 1) {
            return -1;
        }
        String name = text.substring(at + 1, semicolon);
        if (name.charAt(0) == '#') {
            int codePoint = number(name);
            if (codePoint <= 0 || !Character.isValidCodePoint(codePoint)) {
                return -1;
            }
            out.appendCodePoint(codePoint);
            return semicolon + 1;
        }
        Character named = NAMED.get(name.toLowerCase(Locale.ROOT));
        if (named == null) {
            return -1;
        }
        out.append(named.charValue());
        return semicolon + 1;
    }

    /** The number of "#99" or "#x63", or -1. */
    private static int number(String name) {
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Drops an inline tag or a comment at {@code at}, or writes another tag as a space; the index after it, or -1
     * when a '&lt;' starts no tag ("3 &lt; 5").
     */
    private static int tag(String text, int at, StringBuilder out) {
        if (text.startsWith("<!--", at)) {
            int end = text.indexOf("-->", at + 4);
            return end < 0 ? -1 : end + 3;
        }
        int close = text.indexOf('>', at + 1);
        if (close < 0 || close - at > LONGEST_TAG || !startsTag(text, at)) {
            return -1;
        }
        int start = at + 1 < close && text.charAt(at + 1) == '/' ? at + 2 : at + 1;
        int end = start;
        while (end < close && isNameChar(text.charAt(end))) {
            end++;
        }
        if (end == start) {
            return -1;
        }
        if (!INLINE.contains(text.substring(start, end).toLowerCase(Locale.ROOT))) {
            out.append(' ');
        }
        return close + 1;
    }

    /**
     * True when a tag starts at {@code at}: '&lt;' then a name ended by white space, '&gt;' or '/' (or a closing
     * tag, or '&lt;!'). "&lt;bit.ly/x&gt;" and "&lt;https://bit.ly/x&gt;" in a text are not tags: a phone shows them,
     * and the link inside.
     */
    static boolean startsTag(CharSequence text, int at) {
        int i = at + 1;
        if (i < text.length() && text.charAt(i) == '!') {
            return true;
        }
        if (i < text.length() && text.charAt(i) == '/') {
            i++;
        }
        int name = i;
        while (i < text.length() && isNameChar(text.charAt(i))) {
            i++;
        }
        if (i == name || i == text.length()) {
            return false;
        }
        char after = text.charAt(i);
        return after == '>' || after == '/' || Character.isWhitespace(after);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
