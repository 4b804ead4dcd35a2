package org.consentry.store.scrub;

/**
 * Checks that bytes are well-formed UTF-8 (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above
 * U+10FFFF), as a strict decoder would, without decoding them: a scrub gives the bytes back as they came and
 * decodes only the address column.
 */
final class Utf8 {

    private Utf8() {
    }

    /** Where the first byte of {@code bytes[from, to)} that is not well-formed UTF-8 is, or -1 when there is none. */
    static int firstInvalid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int length = sequence(bytes, i, to);
            if (length == 0) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /** The length of the multi-byte sequence at {@code i}, or 0 when it is not well formed. */
    private static int sequence(byte[] bytes, int i, int to) {
        int lead = bytes[i] & 0xff;
        int length;
        int low = 0x80;
        int high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            low = lead == 0xe0 ? 0xa0 : 0x80;
            high = lead == 0xed ? 0x9f : 0xbf;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            low = lead == 0xf0 ? 0x90 : 0x80;
            high = lead == 0xf4 ? 0x8f : 0xbf;
        } else {
            return 0;
        }
        if (i + length > to) {
            return 0;
        }
        int second = bytes[i + 1] & 0xff;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            int next = bytes[i + k] & 0xff;
            if (next < 0x80 || next > 0xbf) {
                return 0;
            }
        }
        return length;
    }
}
