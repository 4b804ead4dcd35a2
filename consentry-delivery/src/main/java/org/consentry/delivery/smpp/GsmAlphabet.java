package org.consentry.delivery.smpp;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038, formerly GSM 03.38, section 6.2.1), as an SMSC
 * takes it over SMPP with data_coding 0: one septet a byte, unpacked. An extension character is the escape septet
 * {@code 0x1B} followed by its code, so it counts as two septets. Characters outside both tables are not GSM-7.
 */
final class GsmAlphabet {

    /** The escape to the extension table. */
    static final int ESCAPE = 0x1B;

    /** The default alphabet in code order; {@code 0x1B} (the escape) holds no character. */
    private static final String DEFAULT =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\uFFFFÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** The extension table: character, and its code after the escape. */
    private static final Map<Character, Integer> EXTENSION = Map.of('\f', 0x0A, '^', 0x14, '{', 0x28, '}', 0x29, '\\', 0x2F,
            '[', 0x3C, '~', 0x3D, ']', 0x3E, '|', 0x40, '€', 0x65);

    private static final Map<Character, Integer> CODES = new HashMap<>();
    private static final Map<Integer, Character> EXTENDED = new HashMap<>();

    static {
        for (int code = 0; code < DEFAULT.length(); code++) {
            if (code != ESCAPE) {
                CODES.put(DEFAULT.charAt(code), code);
            }
        }
        EXTENSION.forEach((character, code) -> EXTENDED.put(code, character));
    }

    private GsmAlphabet() {
    }

    /** How many septets a character takes: 1 in the default alphabet, 2 in the extension table, 0 when it is not GSM-7. */
    static int septets(char character) {
        if (CODES.containsKey(character)) {
            return 1;
        }
        return EXTENSION.containsKey(character) ? 2 : 0;
    }

    /** True when every character of the text is in the default alphabet or its extension table. */
    static boolean encodes(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The text as unpacked septets, one a byte; a character outside the alphabet is an {@link IllegalArgumentException}. */
    static byte[] encode(CharSequence text) {
        ByteArrayOutputStream septets = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char character = text.charAt(i);
            Integer code = CODES.get(character);
            if (code == null) {
                Integer extended = EXTENSION.get(character);
                if (extended == null) {
                    throw new IllegalArgumentException("not in the GSM 7-bit alphabet: U+" + Integer.toHexString(character));
                }
                septets.write(ESCAPE);
                code = extended;
            }
            septets.write(code);
        }
        return septets.toByteArray();
    }

    /**
     * Reads unpacked septets. An escape before a code the extension table lacks reads as that code's default character (as
     * TS 23.038 asks); a byte above {@code 0x7F}, which no septet is, reads as its Latin-1 character, as some SMSCs send.
     */
    static String decode(byte[] bytes, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int code = bytes[i] & 0xFF;
            if (code == ESCAPE && i + 1 < to) {
                int next = bytes[++i] & 0xFF;
                Character extended = EXTENDED.get(next);
                text.append(extended != null ? extended.charValue() : character(next));
            } else if (code != ESCAPE) {
                text.append(character(code));
            }
        }
        return text.toString();
    }

    private static char character(int code) {
        return code < DEFAULT.length() && code != ESCAPE ? DEFAULT.charAt(code) : code == ESCAPE ? ' ' : (char) code;
    }
}
