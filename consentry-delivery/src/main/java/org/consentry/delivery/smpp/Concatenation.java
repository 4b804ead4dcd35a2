package org.consentry.delivery.smpp;

/**
 * The user data header element that numbers one part of a long text (3GPP TS 23.040, 9.2.3.24.1): the same reference on
 * every part, how many parts there are, and which one this is (from 1). A submit_sm carrying it sets esm_class UDHI
 * ({@code 0x40}) and starts its short message with {@code 05 00 03 ref total seq}.
 */
record Concatenation(int reference, int total, int sequence) {

    /** esm_class's bit saying the short message starts with a user data header. */
    static final byte UDHI = 0x40;

    Concatenation {
        if (total < 1 || total > SmsParts.MAX_PARTS || sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("part " + sequence + " of " + total + " cannot be numbered");
        }
    }

    /** The short message: this header (8-bit reference), then the part's bytes. */
    byte[] prefix(byte[] body) {
        byte[] message = new byte[6 + body.length];
        message[0] = 0x05;
        message[1] = 0x00;
        message[2] = 0x03;
        message[3] = (byte) reference;
        message[4] = (byte) total;
        message[5] = (byte) sequence;
        System.arraycopy(body, 0, message, 6, body.length);
        return message;
    }
}
