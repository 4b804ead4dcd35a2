package org.consentry.delivery.smpp;

import java.nio.charset.StandardCharsets;

/**
 * How a text travels: GSM-7 (data_coding 0, unpacked septets) when every character is in the GSM alphabet, else UCS-2
 * (data_coding 8, UTF-16 big-endian, so a character beyond the BMP is a surrogate pair of two units). Each has its room:
 * 160 septets or 70 units in one message; 153 or 67 in each part of a long one, the rest going to the concatenation header.
 */
enum SmsEncoding {

    GSM_7((byte) 0x00, 160, 153),
    UCS_2((byte) 0x08, 70, 67);

    /** The data_coding a submit_sm carries. */
    final byte dataCoding;
    /** Septets (GSM-7) or UTF-16 units (UCS-2) a text may have to go as one message. */
    final int single;
    /** Septets or units each part of a long text may have. */
    final int perPart;

    SmsEncoding(byte dataCoding, int single, int perPart) {
        this.dataCoding = dataCoding;
        this.single = single;
        this.perPart = perPart;
    }

    /** The smaller encoding that carries the text as written. */
    static SmsEncoding of(CharSequence text) {
        return GsmAlphabet.encodes(text) ? GSM_7 : UCS_2;
    }

    /** The text's length in this encoding's units: septets, or UTF-16 units. */
    int length(CharSequence text) {
        if (this == UCS_2) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GsmAlphabet.septets(text.charAt(i));
        }
        return septets;
    }

    /** The bytes of a short message carrying the text. */
    byte[] encode(CharSequence text) {
        if (this == GSM_7) {
            return GsmAlphabet.encode(text);
        }
        byte[] units = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            units[2 * i] = (byte) (text.charAt(i) >> 8);
            units[2 * i + 1] = (byte) text.charAt(i);
        }
        return units;
    }

    /**
     * Reads a short message's text by its data_coding: 0 GSM-7, 1 IA5 (ASCII), 3 Latin-1, 8 UCS-2; the general and
     * message-class coding groups by their alphabet bits. Anything else is read as Latin-1, which keeps an unusual
     * coding's ASCII words ("STOP") readable.
     */
    static String decode(byte dataCoding, byte[] bytes, int from) {
        int alphabet = alphabet(dataCoding & 0xFF);
        if (alphabet == 0) {
            return GsmAlphabet.decode(bytes, from, bytes.length);
        }
        if (alphabet == 2) {
            StringBuilder text = new StringBuilder((bytes.length - from) / 2);
            for (int i = from; i + 1 < bytes.length; i += 2) {
                text.append((char) (((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF)));
            }
            return text.toString();
        }
        return new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
    }

    /** 0 for GSM-7, 1 for 8-bit, 2 for UCS-2: SMPP's own values below 0x10, TS 23.038's coding groups above. */
    private static int alphabet(int coding) {
        if (coding < 0x10) {
            return coding == 0x00 ? 0 : coding == 0x08 ? 2 : 1;
        }
        if (coding < 0x40) {
            return (coding >> 2) & 0x03; // general data coding: bits 3-2 name the alphabet (3, reserved, read as 8-bit)
        }
        if (coding >= 0xC0 && coding < 0xE0) {
            return 0; // message waiting, GSM-7
        }
        if (coding >= 0xE0 && coding < 0xF0) {
            return 2; // message waiting, UCS-2
        }
        if (coding >= 0xF0) {
            return (coding & 0x04) == 0 ? 0 : 1;
        }
        return 1;
    }
}
