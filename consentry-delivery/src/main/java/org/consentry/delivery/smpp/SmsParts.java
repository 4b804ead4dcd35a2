package org.consentry.delivery.smpp;

import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into the short messages that carry it: one when it fits ({@link SmsEncoding#single}), else parts of at most
 * {@link SmsEncoding#perPart} each, joined again on the handset by their concatenation header. A cut never falls inside an
 * extension character's escape pair (GSM-7) or a surrogate pair (UCS-2), so a part may hold one unit less than its room.
 *
 * @param texts the parts' texts, in order; joined they are the whole text
 */
record SmsParts(SmsEncoding encoding, List<String> texts) {

    /** The most parts a concatenation header can number. */
    static final int MAX_PARTS = 255;

    SmsParts {
        texts = List.copyOf(texts);
    }

    static SmsParts of(String text) {
        SmsEncoding encoding = SmsEncoding.of(text);
        if (encoding.length(text) <= encoding.single) {
            return new SmsParts(encoding, List.of(text));
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int step = encoding == SmsEncoding.UCS_2 && surrogatePairAt(text, i) ? 2 : 1;
            int width = encoding == SmsEncoding.GSM_7 ? GsmAlphabet.septets(text.charAt(i)) : step;
            if (used + width > encoding.perPart) {
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += width;
            i += step;
        }
        parts.add(text.substring(start));
        return new SmsParts(encoding, parts);
    }

    private static boolean surrogatePairAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }

    /** True when the text goes in more than one part, each with a concatenation header. */
    boolean concatenated() {
        return texts.size() > 1;
    }
}
