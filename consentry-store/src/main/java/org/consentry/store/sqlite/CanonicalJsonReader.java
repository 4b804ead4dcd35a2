package org.consentry.store.sqlite;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the canonical JSON the ledger writes ({@link org.consentry.ledger.CanonicalJson}: no spaces, whole numbers,
 * the usual escapes) into the maps, lists, strings, {@code Integer}s and {@code Long}s, booleans and nulls Jackson
 * makes of it, without Jackson's general machinery (reading every event's fields back was a quarter of a restart's
 * decoding). Anything outside that form (spaces, fractions, exponents, numbers past a {@code long}, a leading zero,
 * a raw control character, an unknown escape, trailing text) is not read here: {@link #read} answers null and the
 * caller asks Jackson, so the answer, and any error, is always Jackson's.
 */
final class CanonicalJsonReader {

    /** Deeper than this is left to Jackson (and its own limit): the ledger's events nest two or three levels. */
    private static final int DEEPEST = 64;

    private final String text;
    private int at;
    private int depth;

    private CanonicalJsonReader(String text) {
        this.text = text;
    }

    /** The object the text holds, or null when the text is not in the form read here. */
    static Map<String, Object> read(String text) {
        CanonicalJsonReader reader = new CanonicalJsonReader(text);
        try {
            if (reader.peek() != '{') {
                return null;
            }
            Map<String, Object> object = reader.object();
            return object != null && reader.at == text.length() ? object : null;
        } catch (IndexOutOfBoundsException e) {
            return null; // cut short: Jackson says how
        }
    }

    private static final Object NOT_READ = new Object();

    private char peek() {
        return text.charAt(at);
    }

    private Map<String, Object> object() {
        if (++depth > DEEPEST) {
            return null;
        }
        at++; // {
        Map<String, Object> object = new LinkedHashMap<>();
        if (peek() == '}') {
            at++;
            depth--;
            return object;
        }
        while (true) {
            if (peek() != '"') {
                return null;
            }
            String key = string(true);
            if (key == null || peek() != ':') {
                return null;
            }
            at++;
            Object value = value();
            if (value == NOT_READ) {
                return null;
            }
            object.put(key, value);
            char next = text.charAt(at++);
            if (next == '}') {
                depth--;
                return object;
            }
            if (next != ',') {
                return null;
            }
        }
    }

    private Object array() {
        if (++depth > DEEPEST) {
            return NOT_READ;
        }
        at++; // [
        List<Object> array = new ArrayList<>();
        if (peek() == ']') {
            at++;
            depth--;
            return array;
        }
        while (true) {
            Object value = value();
            if (value == NOT_READ) {
                return NOT_READ;
            }
            array.add(value);
            char next = text.charAt(at++);
            if (next == ']') {
                depth--;
                return array;
            }
            if (next != ',') {
                return NOT_READ;
            }
        }
    }

    private Object value() {
        char c = peek();
        switch (c) {
            case '"': {
                String value = string(false);
                return value == null ? NOT_READ : value;
            }
            case '{': {
                Map<String, Object> value = object();
                return value == null ? NOT_READ : value;
            }
            case '[':
                return array();
            case 't':
                return word("true", Boolean.TRUE);
            case 'f':
                return word("false", Boolean.FALSE);
            case 'n':
                return word("null", null);
            default:
                return c == '-' || (c >= '0' && c <= '9') ? number() : NOT_READ;
        }
    }

    private Object word(String word, Object value) {
        if (!text.startsWith(word, at)) {
            return NOT_READ;
        }
        at += word.length();
        return value;
    }

    /** A whole number in a {@code long}, as Jackson gives it: an {@code Integer} when it fits one. */
    private Object number() {
        boolean negative = peek() == '-';
        if (negative) {
            at++;
        }
        int digitsStart = at;
        // accumulated below zero, as Long.parseLong does, so that Long.MIN_VALUE is read too
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long value = 0;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            int digit = text.charAt(at) - '0';
            if (value < (limit + digit) / 10) {
                return NOT_READ; // past a long (Jackson makes a BigInteger)
            }
            value = value * 10 - digit;
            at++;
        }
        int digits = at - digitsStart;
        if (digits == 0 || (digits > 1 && text.charAt(digitsStart) == '0') || (negative && value == 0)) {
            return NOT_READ; // no digits, a leading zero, or -0
        }
        if (at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            return NOT_READ; // not a whole number
        }
        long signed = negative ? value : -value;
        return signed >= Integer.MIN_VALUE && signed <= Integer.MAX_VALUE ? (Object) (int) signed : (Object) signed;
    }

    /** An ASCII hexadecimal digit's value (Jackson reads no other digits in an escape), or -1. */
    private static int hexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** A string at {@code at} (its opening quote), or null when it holds what is not read here. */
    private String string(boolean name) {
        at++; // "
        int start = at;
        // longer than Jackson's limits (those of a mapper made with the defaults, as the ledger's is) is left to Jackson
        int longest = name ? StreamReadConstraints.defaults().getMaxNameLength() : StreamReadConstraints.defaults().getMaxStringLength();
        while (true) {
            char c = text.charAt(at);
            if (c == '"') {
                return at - start > longest ? null : text.substring(start, at++);
            }
            if (c == '\\') {
                break;
            }
            if (c < 0x20) {
                return null;
            }
            at++;
        }
        StringBuilder out = new StringBuilder(at - start + 16); // not the rest of the text: a payload of many escaped strings would be read in quadratic time
        out.append(text, start, at);
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.length() > longest ? null : out.toString();
            }
            if (c < 0x20) {
                return null;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = hexDigit(text.charAt(at++));
                        if (digit < 0) {
                            return null;
                        }
                        code = code * 16 + digit;
                    }
                    if (name && code >= 0xd800 && code <= 0xdfff) {
                        return null; // Jackson checks the pairing of escaped surrogates in a name
                    }
                    out.append((char) code);
                }
                default -> {
                    return null;
                }
            }
        }
    }
}
