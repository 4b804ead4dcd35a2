package org.consentry.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a body into lower-case words. HTML tags, links and email addresses are skipped. Inside a word
 * that has letters, the digits and symbols spammers use for letters are read as those letters
 * (0 o, 1 i, 3 e, 4 a, 5 s, 7 t, $ s, @ a, ! i), so that "c4sino" is "casino"; numbers stay numbers.
 */
final class Words {

    private Words() {
    }

    static List<String> of(String body) {
        return of(body, true);
    }

    /** The words as written, lower case, without reading digits as letters. */
    static List<String> raw(String body) {
        return of(body, false);
    }

    private static List<String> of(String body, boolean leet) {
        List<String> words = new ArrayList<>(body.length() / 5 + 1);
        StringBuilder word = new StringBuilder(16);
        int length = body.length();
        int i = 0;
        while (i < length) {
            char c = body.charAt(i);
            if (c == '<') {
                int close = body.indexOf('>', i);
                if (close > i && close - i < 2000) {
                    flush(word, words);
                    i = close + 1;
                    continue;
                }
            }
            if (isWordChar(c)) {
                int end = i;
                while (end < length && (isWordChar(body.charAt(end)) || isJoiner(body, end))) {
                    end++;
                }
                String token = body.substring(i, end);
                if (!isLinkOrAddress(token, body, end)) {
                    read(token, word, words, leet);
                    flush(word, words);
                } else {
                    end = skipLink(body, end);
                }
                i = end;
                continue;
            }
            i++;
        }
        flush(word, words);
        return words;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '$' || c == '@' || c == '\'';
    }

    /** A dot, hyphen or slash inside a token keeps it together when what follows is a word character (a host, a URL). */
    private static boolean isJoiner(String body, int at) {
        char c = body.charAt(at);
        return (c == '.' || c == '/' || c == ':' || c == '-' || c == '_' || c == '?' || c == '=' || c == '&' || c == '%' || c == '#')
                && at + 1 < body.length() && isWordChar(body.charAt(at + 1));
    }

    private static boolean isLinkOrAddress(String token, String body, int end) {
        if (token.indexOf("://") > 0 || token.regionMatches(true, 0, "www.", 0, 4)) {
            return true;
        }
        int at = token.indexOf('@');
        if (at > 0 && token.indexOf('.', at) > at) {
            return true;
        }
        int dot = token.lastIndexOf('.');
        if (dot > 0 && dot < token.length() - 2) {
            String tld = token.substring(dot + 1);
            int slash = tld.indexOf('/');
            if (slash >= 0) {
                tld = tld.substring(0, slash);
            }
            return tld.length() >= 2 && tld.chars().allMatch(Character::isLetter);
        }
        return false;
    }

    private static int skipLink(String body, int end) {
        while (end < body.length() && !Character.isWhitespace(body.charAt(end)) && body.charAt(end) != '<') {
            end++;
        }
        return end;
    }

    /**
     * Appends the token's words: lower case, split at hyphens, dots and slashes ("e-juice" is "e juice"),
     * leetspeak read as letters when asked and the part has letters.
     */
    private static void read(String token, StringBuilder word, List<String> words, boolean leet) {
        boolean letters = false;
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetter(token.charAt(i))) {
                letters = true;
                break;
            }
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.' || c == '-' || c == '/' || c == ':' || c == '_' || c == '?' || c == '=' || c == '&' || c == '%' || c == '#') {
                flush(word, words);
                continue;
            }
            if (letters && leet) {
                c = asLetter(c);
            }
            if (c == '$' || c == '@') {
                continue;
            }
            word.append(Character.toLowerCase(c));
        }
    }

    private static char asLetter(char c) {
        switch (c) {
            case '0': return 'o';
            case '1': return 'i';
            case '3': return 'e';
            case '4': return 'a';
            case '5': return 's';
            case '7': return 't';
            case '$': return 's';
            case '@': return 'a';
            default: return c;
        }
    }

    private static void flush(StringBuilder word, List<String> words) {
        int start = 0;
        int end = word.length();
        while (start < end && word.charAt(start) == '\'') {
            start++;
        }
        while (end > start && word.charAt(end - 1) == '\'') {
            end--;
        }
        if (end > start) {
            words.add(word.substring(start, end));
        }
        word.setLength(0);
    }
}
