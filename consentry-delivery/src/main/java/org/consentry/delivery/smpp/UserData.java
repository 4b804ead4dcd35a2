package org.consentry.delivery.smpp;

/**
 * A received short message split into what its user data header said about concatenation (when it had one, with an
 * 8-bit or 16-bit reference) and where its text starts. A header that does not fit the message is taken as no header.
 *
 * @param concatenation the part's numbering, or {@code null} when the message is whole
 * @param textFrom      the index of the first byte of text
 */
record UserData(Concatenation concatenation, int textFrom) {

    static UserData read(byte[] shortMessage, boolean udhi) {
        if (!udhi || shortMessage.length == 0) {
            return new UserData(null, 0);
        }
        int headerLength = shortMessage[0] & 0xFF;
        if (1 + headerLength > shortMessage.length) {
            return new UserData(null, 0);
        }
        Concatenation concatenation = null;
        for (int i = 1; i + 1 < 1 + headerLength; ) {
            int element = shortMessage[i] & 0xFF;
            int length = shortMessage[i + 1] & 0xFF;
            int data = i + 2;
            if (data + length > 1 + headerLength) {
                break;
            }
            if (element == 0x00 && length == 3) {
                concatenation = numbered(shortMessage[data] & 0xFF, shortMessage[data + 1], shortMessage[data + 2]);
            } else if (element == 0x08 && length == 4) {
                int reference = ((shortMessage[data] & 0xFF) << 8) | (shortMessage[data + 1] & 0xFF);
                concatenation = numbered(reference, shortMessage[data + 2], shortMessage[data + 3]);
            }
            i = data + length;
        }
        return new UserData(concatenation, 1 + headerLength);
    }

    private static Concatenation numbered(int reference, byte total, byte sequence) {
        int of = total & 0xFF;
        int which = sequence & 0xFF;
        return of >= 1 && which >= 1 && which <= of ? new Concatenation(reference, of, which) : null;
    }
}
