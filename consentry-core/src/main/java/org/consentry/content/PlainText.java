package org.consentry.content;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.TreeMap;
import org.consentry.ruledata.RuleDataFile;

/**
 * A body's characters as the words reader should see them, so that a word cannot be hidden from the word
 * lists by how its letters are written: letters of other scripts that look like Latin ones (Cyrillic "а" in
 * "cаsino", from {@value #LOOKALIKES}) read as those; styled forms (fullwidth, mathematical, circled,
 * accented) read as the plain letter they decompose to (NFKD); invisible characters (zero-width space and
 * joiner, soft hyphen, byte order mark) and combining marks are dropped; the typographic apostrophes phones
 * and word processors type ("don\u2019t") read as the ASCII apostrophe, so that "don\u2019t share it" is the
 * warning "don't share it". Plain ASCII text, most of what is sent, is returned as it is after one scan.
 */
final class PlainText {

    public static final String LOOKALIKES = "/org/consentry/rules/lookalike-letters.tsv";

    private PlainText() {
    }

    /** Reads the look-alike letters now: a bad file fails the start, not the first message with an accent. */
    static void load() {
        Lookalikes.letter(0);
    }

    static String of(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return fold(text);
            }
        }
        return text;
    }

    private static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                out.append((char) cp);
            } else {
                appendPlain(out, cp);
            }
        }
        return out.toString();
    }

    private static void appendPlain(StringBuilder out, int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return; // invisible inside a word, or an accent over one of its letters
        }
        if (isApostrophe(cp)) {
            out.append('\'');
            return;
        }
        char letter = Lookalikes.letter(cp);
        if (letter != 0) {
            out.append(letter);
            return;
        }
        String plain = decomposed(cp);
        if (plain != null) {
            out.append(plain);
        } else {
            out.appendCodePoint(cp);
        }
    }

    /** The ASCII letters or digits a styled letter decomposes to (fullwidth c, bold c, circled c, é, the ligature fi), or null. */
    private static String decomposed(int cp) {
        String nfkd = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder ascii = new StringBuilder(nfkd.length());
        for (int j = 0; j < nfkd.length(); j++) {
            char c = nfkd.charAt(j);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c >= 128 || !Character.isLetterOrDigit(c)) {
                return null;
            }
            ascii.append(c);
        }
        // a symbol that spells letters (the trade mark sign is "TM") stands for no letter of a word
        if (ascii.length() == 0 || (ascii.length() > 1 && !Character.isLetterOrDigit(cp))) {
            return null;
        }
        return ascii.toString();
    }

    /** Right and left single quotation marks, the modifier letter apostrophe, the fullwidth apostrophe and the prime. */
    private static boolean isApostrophe(int c) {
        return c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\uFF07' || c == '\u2032';
    }

    /** The look-alike letters, read when the first body with a character outside ASCII comes. */
    private static final class Lookalikes {
        /** Code points in ascending order, and the letter each reads as, at the same index. */
        private static final int[] CODE_POINTS;
        private static final char[] LETTERS;

        static {
            TreeMap<Integer, Character> letters = new TreeMap<>();
            for (RuleDataFile.Row row : RuleDataFile.resource(LOOKALIKES).rows()) {
                String character = row.get("character");
                String letter = row.get("letter");
                if (!character.matches("U\\+[0-9A-F]{4,5}") || Integer.parseInt(character.substring(2), 16) < 128) {
                    throw row.problem("character", "'" + character + "' must be U+ and four or five hex digits, outside ASCII");
                }
                if (!letter.matches("[a-z]")) {
                    throw row.problem("letter", "'" + letter + "' must be one lower-case ASCII letter");
                }
                letters.put(Integer.parseInt(character.substring(2), 16), letter.charAt(0));
            }
            CODE_POINTS = letters.keySet().stream().mapToInt(Integer::intValue).toArray();
            LETTERS = new char[CODE_POINTS.length];
            int i = 0;
            for (char letter : letters.values()) {
                LETTERS[i++] = letter;
            }
        }

        static char letter(int cp) {
            int at = Arrays.binarySearch(CODE_POINTS, cp);
            return at >= 0 ? LETTERS[at] : 0;
        }
    }
}
