package org.consentry.content;

/**
 * One bit per word's hash, for passing over the words of a message that start no term: a word whose bit is clear
 * was never added, and the map of terms is not asked (most words of a message start none). A set bit may be another
 * word's: the caller still asks the map.
 */
final class WordFilter {

    private final long[] bits;

    /** @param words how many 64-bit words of bits: a power of two */
    WordFilter(int words) {
        if (Integer.bitCount(words) != 1) {
            throw new IllegalArgumentException("a word filter's size is a power of two, not " + words);
        }
        this.bits = new long[words];
    }

    void add(String word) {
        int hash = word.hashCode();
        bits[(hash >>> 6) & (bits.length - 1)] |= 1L << hash;
    }

    /** False when {@code word} was never added; true when it may have been. */
    boolean mayHold(String word) {
        int hash = word.hashCode();
        return (bits[(hash >>> 6) & (bits.length - 1)] & (1L << hash)) != 0;
    }
}
