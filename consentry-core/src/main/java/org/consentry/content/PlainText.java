package org.consentry.content;

/**
 * A body's characters as the words reader should see them: the typographic apostrophes phones and word
 * processors type ("don\u2019t") read as the ASCII apostrophe, so that "don\u2019t share it" is the warning
 * "don't share it". Plain ASCII text, most of what is sent, is returned as it is after one scan.
 */
final class PlainText {

    private PlainText() {
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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isApostrophe(c) ? '\'' : c);
        }
        return out.toString();
    }

    /** Right and left single quotation marks, the modifier letter apostrophe, the fullwidth apostrophe and the prime. */
    private static boolean isApostrophe(char c) {
        return c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\uFF07' || c == '\u2032';
    }
}
