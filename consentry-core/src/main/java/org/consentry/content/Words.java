package org.consentry.content;

import java.nio.CharBuffer;
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

    /**
     * Both readings of a body; {@code raw} is the very same list as {@code words} when no letter was read from a digit.
     * {@code collapsed} is true when the body is plain ASCII text without markup whose white space is single spaces
     * between words (so its lower case needs no {@link ContentAnalyzer#collapse}); false says nothing.
     */
    record Reading(List<String> words, List<String> raw, boolean collapsed) {
    }

    static List<String> of(String body) {
        return read(body).words();
    }

    /** The words as written, lower case, without reading digits as letters. */
    static List<String> raw(String body) {
        return read(body).raw();
    }

    /** Reads the body once into both lists. */
    static Reading read(String body) {
        Reader reader = new Reader(body);
        reader.run();
        // most bodies have no run of one-character words to join, and skip the second pass over their words
        List<String> words = List.copyOf(reader.spelled ? spelledOut(reader.words, true) : reader.words);
        return new Reading(words, reader.raw == null ? words : List.copyOf(reader.rawSpelled ? spelledOut(reader.raw, false) : reader.raw),
                reader.collapsed);
    }

    /** Runs of this many one-character words or more are a word spelled out ("c.a.s.i.n.o", "v-i-a-g-r-a", "p i n"). */
    private static final int SPELLED_OUT = 3;

    /**
     * The words with each run of one-character words that has a letter read as the word it spells, its digits
     * read as letters when asked ("c 4 s 1 n 0"); the same list when there is none (most texts).
     */
    static List<String> spelledOut(List<String> words, boolean leet) {
        List<String> joined = null;
        int i = 0;
        while (i < words.size()) {
            int end = i;
            while (end < words.size() && words.get(end).length() == 1) {
                end++;
            }
            // "1 2 3 4" stays a code read out, and "x x x" kisses: no spelled-out word is one letter repeated
            if (end - i >= SPELLED_OUT && hasLetter(words.subList(i, end)) && !allSame(words.subList(i, end))) {
                if (joined == null) {
                    joined = new ArrayList<>(words.subList(0, i));
                }
                joined.add(join(words.subList(i, end), leet));
            } else if (joined != null) {
                joined.addAll(words.subList(i, Math.max(end, i + 1)));
            }
            i = Math.max(end, i + 1);
        }
        return joined == null ? words : joined;
    }

    private static String join(List<String> letters, boolean leet) {
        StringBuilder word = new StringBuilder(letters.size());
        for (String letter : letters) {
            word.append(leet ? asLetter(letter.charAt(0)) : letter.charAt(0));
        }
        return word.toString();
    }

    private static boolean allSame(List<String> characters) {
        for (String character : characters) {
            if (!character.equals(characters.get(0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(List<String> characters) {
        for (String character : characters) {
            if (isLetter(character.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One pass over a body. A token whose reading as letters is the same as its writing (most: only a word with
     * letters and one of the digits or symbols read as letters differs) is built once; the second list is
     * started only at the first word that differs, from a copy of the first.
     */
    private static final class Reader {
        /** The body's characters, read from an array rather than through {@code String.charAt} (a tenth less time for a text). */
        private final char[] body;
        /** See {@link Reading#collapsed}. */
        private final boolean collapsed;
        /** The same characters, for the tag test; made at the first '<' (most texts have none). */
        private CharSequence text;
        private final List<String> words;
        /** The words as written, from the first one that differs from its reading; null until then. */
        private List<String> raw;
        private char[] word = new char[32];
        private char[] written = new char[32];
        private int wordLength;
        private int writtenLength;
        /** How many one-character words end each reading; whether either had a run of {@value #SPELLED_OUT} or more. */
        private int singles;
        private int rawSingles;
        private boolean spelled;
        private boolean rawSpelled;

        Reader(String body) {
            char[] chars = body.toCharArray();
            int kind = plainness(chars);
            this.body = (kind & PLAIN) != 0 ? chars : PlainText.of(HtmlText.of(body)).toCharArray();
            this.collapsed = kind == (PLAIN | COLLAPSED);
            this.words = new ArrayList<>(body.length() / 5 + 1);
        }

        void run() {
            int length = body.length;
            int i = 0;
            while (i < length) {
                char c = body[i];
                if (c == '<' && startsTag(i)) {
                    int close = indexOf(body, '>', i);
                    if (close > i && close - i < 2000) {
                        i = close + 1;
                        continue;
                    }
                }
                if (isWordChar(c)) {
                    // the token's extent, and what kinds of character it holds
                    int kinds = 0;
                    int end = i;
                    while (end < length) {
                        int kind = kindOf(body[end]);
                        if ((kind & WORD) == 0 && ((kind & JOINER) == 0 || end + 1 == length || !isWordChar(body[end + 1]))) {
                            break;
                        }
                        kinds |= kind;
                        end++;
                    }
                    // a link or an address holds a dot, a colon or an at sign
                    if ((kinds & LINK_MARK) == 0 || !isLinkOrAddress(body, i, end)) {
                        token(i, end, kinds);
                    } else {
                        end = skipLink(body, end);
                    }
                    i = end;
                    continue;
                }
                i++;
            }
        }

        private boolean startsTag(int at) {
            if (text == null) {
                text = CharBuffer.wrap(body);
            }
            return HtmlText.startsTag(text, at);
        }

        /**
         * Appends the token's words to both readings: lower case, split at hyphens, dots and slashes ("e-juice"
         * is "e juice"); in the first reading leetspeak is read as letters when the part has letters.
         *
         * @param kinds the {@link #kindOf} bits of the token's characters, together
         */
        private void token(int start, int end, int kinds) {
            if ((kinds & ~(WORD | LETTER)) == 0) { // most words: ASCII letters and digits, lower case, read as written
                String read = new String(body, start, end - start);
                add(read);
                if (raw != null) {
                    addRaw(read);
                }
                return;
            }
            boolean letters = (kinds & LETTER) != 0;
            boolean leet = (kinds & LEET) != 0;
            if (word.length < end - start) {
                word = new char[end - start];
                written = new char[end - start];
            }
            if (!letters || !leet) { // both readings are the same
                for (int i = start; i < end; i++) {
                    char c = body[i];
                    if (isSeparator(c)) {
                        flushSame();
                    } else if (c != '$' && c != '@') {
                        word[wordLength++] = lower(c);
                    }
                }
                flushSame();
                return;
            }
            for (int i = start; i < end; i++) {
                char c = body[i];
                if (isSeparator(c)) {
                    flush();
                    continue;
                }
                char read = asLetter(c);
                if (read != '$' && read != '@') {
                    word[wordLength++] = lower(read);
                }
                if (c != '$' && c != '@') {
                    written[writtenLength++] = lower(c);
                }
            }
            flush();
        }

        private static boolean isSeparator(char c) {
            return c == '.' || c == '-' || c == '/' || c == ':' || c == '_' || c == '?' || c == '=' || c == '&' || c == '%' || c == '#';
        }

        /** Ends a word read the same both ways. */
        private void flushSame() {
            String read = trimmed(word, wordLength);
            if (read != null) {
                add(read);
                if (raw != null) {
                    addRaw(read);
                }
            }
            wordLength = 0;
        }

        /** Ends the current word in both readings; apostrophes around a word are not part of it. */
        private void flush() {
            String read = trimmed(word, wordLength);
            boolean same = wordLength == writtenLength && java.util.Arrays.equals(word, 0, wordLength, written, 0, writtenLength);
            String asWritten = same ? read : trimmed(written, writtenLength);
            if (!same && raw == null) {
                raw = new ArrayList<>(words); // until now every word read as it was written
                rawSingles = singles;
                rawSpelled = spelled;
            }
            if (read != null) {
                add(read);
            }
            if (asWritten != null && raw != null) {
                addRaw(asWritten);
            }
            wordLength = 0;
            writtenLength = 0;
        }

        private void add(String word) {
            words.add(word);
            singles = word.length() == 1 ? singles + 1 : 0;
            spelled |= singles >= SPELLED_OUT;
        }

        private void addRaw(String word) {
            raw.add(word);
            rawSingles = word.length() == 1 ? rawSingles + 1 : 0;
            rawSpelled |= rawSingles >= SPELLED_OUT;
        }
    }

    /** The word in {@code chars[0, length)} without the apostrophes around it; null when nothing is left. */
    static String trimmed(char[] chars, int length) {
        int start = 0;
        int end = length;
        while (start < end && chars[start] == '\'') {
            start++;
        }
        while (end > start && chars[end - 1] == '\'') {
            end--;
        }
        return end > start ? new String(chars, start, end - start) : null;
    }

    private static final int PLAIN = 1;
    private static final int COLLAPSED = 2;

    /**
     * {@link #PLAIN} for plain ASCII text without markup, most bodies, which are read as they are (any other is read
     * as its reader sees it: see {@link HtmlText} and {@link PlainText}); with {@link #COLLAPSED} when its white space
     * is also single spaces between words, none at either end (as {@code ContentAnalyzer.isCollapsed} reads it).
     */
    private static int plainness(char[] body) {
        boolean collapsed = true;
        int last = body.length - 1;
        for (int i = 0; i <= last; i++) {
            char c = body[i];
            if (c >= 128 || c == '&' || c == '<') {
                return 0;
            }
            if (c <= ' ') {
                if (c == ' ' ? i == 0 || i == last || (body[i + 1] <= ' ' && Links.isSpace(body[i + 1])) : Links.isSpace(c)) {
                    collapsed = false;
                }
            }
        }
        return collapsed ? PLAIN | COLLAPSED : PLAIN;
    }

    /** A word character ({@link #isWordChar}). */
    private static final int WORD = 1;
    /** A letter ({@link #isLetter}). */
    private static final int LETTER = 2;
    /** A character read as a letter in leetspeak ({@link #asLetter}): a digit or symbol. */
    private static final int LEET = 4;
    /**
     * A dot, slash, hyphen or the like: inside a token, followed by a word character, it keeps the token together (a
     * host, a URL); it also separates the token's words ("e-juice" is "e juice").
     */
    private static final int JOINER = 8;
    /** A dot, colon or at sign: only a token with one can be a link or an address. */
    private static final int LINK_MARK = 16;
    /** An upper-case letter, an apostrophe, or a character past ASCII: the word is not its characters as they are. */
    private static final int CHANGED = 32;

    /** The kinds of each ASCII character. */
    private static final byte[] KINDS = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            int kind = 0;
            if (isWordChar(c)) {
                kind |= WORD;
            }
            if (isLetter(c)) {
                kind |= LETTER;
            }
            if (asLetter(c) != c) {
                kind |= LEET;
            }
            if (Reader.isSeparator(c)) {
                kind |= JOINER;
            }
            if (c == '.' || c == ':' || c == '@') {
                kind |= LINK_MARK;
            }
            if ((c >= 'A' && c <= 'Z') || c == '\'') {
                kind |= CHANGED;
            }
            KINDS[c] = (byte) kind;
        }
    }

    /** What kind of character {@code c} is, as bits. */
    private static int kindOf(char c) {
        if (c < 128) {
            return KINDS[c];
        }
        return CHANGED | (Character.isLetterOrDigit(c) ? WORD : 0) | (Character.isLetter(c) ? LETTER : 0);
    }

    static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    static boolean isLetter(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return Character.isLetter(c);
    }

    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '$' || c == '@' || c == '\'';
        }
        return Character.isLetterOrDigit(c);
    }

    static int indexOf(char[] body, char wanted, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** A URL (with a scheme or www.), an email address, or a bare host.tld form: not words. */
    static boolean isLinkOrAddress(char[] body, int start, int end) {
        if (end - start >= 4 && (body[start] | 0x20) == 'w' && (body[start + 1] | 0x20) == 'w' && (body[start + 2] | 0x20) == 'w'
                && body[start + 3] == '.') {
            return true;
        }
        int at = -1;
        boolean dotAfterAt = false;
        int lastDot = -1;
        for (int i = start; i < end; i++) {
            char c = body[i];
            if (c == ':' && i > start && i + 3 <= end && body[i + 1] == '/' && body[i + 2] == '/') {
                return true;
            } else if (c == '@' && at < 0) {
                at = i;
            } else if (c == '.') {
                lastDot = i;
                dotAfterAt |= at >= 0;
            }
        }
        if (at > start && dotAfterAt) {
            return true;
        }
        if (lastDot > start && lastDot < end - 2) {
            int tldEnd = end;
            for (int i = lastDot + 1; i < end; i++) {
                if (body[i] == '/') {
                    tldEnd = i;
                    break;
                }
            }
            if (tldEnd - lastDot - 1 < 2) {
                return false;
            }
            for (int i = lastDot + 1; i < tldEnd; i++) {
                if (!Character.isLetter(body[i])) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static int skipLink(char[] body, int end) {
        while (end < body.length && !Links.isSpace(body[end]) && body[end] != '<') {
            end++;
        }
        return end;
    }

    static char asLetter(char c) {
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
}
