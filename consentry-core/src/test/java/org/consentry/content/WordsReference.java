package org.consentry.content;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The word reader's loop as it was before it read its tokens by character class (2026-12-07), over the helpers it
 * still shares with {@link Words}: {@code WordsTest} holds the reader to it. Splits a body into lower-case words. HTML tags, links and email addresses are skipped. Inside a word
 * that has letters, the digits and symbols spammers use for letters are read as those letters
 * (0 o, 1 i, 3 e, 4 a, 5 s, 7 t, $ s, @ a, ! i), so that "c4sino" is "casino"; numbers stay numbers.
 */
final class WordsReference {

    private WordsReference() {
    }

    /** Both readings of a body; {@code raw} is the very same list as {@code words} when no letter was read from a digit. */
    record ReferenceReading(List<String> words, List<String> raw) {
    }

    static List<String> of(String body) {
        return read(body).words();
    }

    /** The words as written, lower case, without reading digits as letters. */
    static List<String> raw(String body) {
        return read(body).raw();
    }

    /** Reads the body once into both lists. */
    static ReferenceReading read(String body) {
        Reader reader = new Reader(body);
        reader.run();
        List<String> words = List.copyOf(Words.spelledOut(reader.words, true));
        return new ReferenceReading(words, reader.raw != null ? List.copyOf(Words.spelledOut(reader.raw, false)) : words);
    }

    /**
     * One pass over a body. A token whose reading as letters is the same as its writing (most: only a word with
     * letters and one of the digits or symbols read as letters differs) is built once; the second list is
     * started only at the first word that differs, from a copy of the first.
     */
    private static final class Reader {
        /** The body's characters, read from an array rather than through {@code String.charAt} (a tenth less time for a text). */
        private final char[] body;
        /** The same characters, for the tag test; made at the first '<' (most texts have none). */
        private CharSequence text;
        private final List<String> words;
        /** The words as written, from the first one that differs from its reading; null until then. */
        private List<String> raw;
        private char[] word = new char[32];
        private char[] written = new char[32];
        private int wordLength;
        private int writtenLength;

        Reader(String body) {
            char[] chars = body.toCharArray();
            this.body = isPlain(chars) ? chars : PlainText.of(HtmlText.of(body)).toCharArray();
            this.words = new ArrayList<>(body.length() / 5 + 1);
        }

        void run() {
            int length = body.length;
            int i = 0;
            while (i < length) {
                char c = body[i];
                if (c == '<' && startsTag(i)) {
                    int close = Words.indexOf(body, '>', i);
                    if (close > i && close - i < 2000) {
                        i = close + 1;
                        continue;
                    }
                }
                if (Words.isWordChar(c)) {
                    int end = i;
                    while (end < length && (Words.isWordChar(body[end]) || isJoiner(body, end))) {
                        end++;
                    }
                    if (!Words.isLinkOrAddress(body, i, end)) {
                        token(i, end);
                    } else {
                        end = Words.skipLink(body, end);
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
         */
        private void token(int start, int end) {
            boolean letters = false;
            boolean leet = false;
            for (int i = start; i < end; i++) {
                char c = body[i];
                letters |= Words.isLetter(c);
                leet |= Words.asLetter(c) != c;
            }
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
                        word[wordLength++] = Words.lower(c);
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
                char read = Words.asLetter(c);
                if (read != '$' && read != '@') {
                    word[wordLength++] = Words.lower(read);
                }
                if (c != '$' && c != '@') {
                    written[writtenLength++] = Words.lower(c);
                }
            }
            flush();
        }

        private static boolean isSeparator(char c) {
            return c == '.' || c == '-' || c == '/' || c == ':' || c == '_' || c == '?' || c == '=' || c == '&' || c == '%' || c == '#';
        }

        /** Ends a word read the same both ways. */
        private void flushSame() {
            String read = Words.trimmed(word, wordLength);
            if (read != null) {
                words.add(read);
                if (raw != null) {
                    raw.add(read);
                }
            }
            wordLength = 0;
        }

        /** Ends the current word in both readings; apostrophes around a word are not part of it. */
        private void flush() {
            String read = Words.trimmed(word, wordLength);
            boolean same = wordLength == writtenLength && java.util.Arrays.equals(word, 0, wordLength, written, 0, writtenLength);
            String asWritten = same ? read : Words.trimmed(written, writtenLength);
            if (!same && raw == null) {
                raw = new ArrayList<>(words); // until now every word read as it was written
            }
            if (read != null) {
                words.add(read);
            }
            if (asWritten != null && raw != null) {
                raw.add(asWritten);
            }
            wordLength = 0;
            writtenLength = 0;
        }
    }

    /**
     * True for plain ASCII text without markup, most bodies, which are read as they are; any other is read as
     * its reader sees it (see {@link HtmlText} and {@link PlainText}).
     */
    private static boolean isPlain(char[] body) {
        for (char c : body) {
            if (c >= 128 || c == '&' || c == '<') {
                return false;
            }
        }
        return true;
    }

    /** A dot, hyphen or slash inside a token keeps it together when what follows is a word character (a host, a URL). */
    private static boolean isJoiner(char[] body, int at) {
        char c = body[at];
        return (c == '.' || c == '/' || c == ':' || c == '-' || c == '_' || c == '?' || c == '=' || c == '&' || c == '%' || c == '#')
                && at + 1 < body.length && Words.isWordChar(body[at + 1]);
    }
}
