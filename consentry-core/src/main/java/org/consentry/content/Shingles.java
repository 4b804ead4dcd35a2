package org.consentry.content;

import java.util.Arrays;
import java.util.List;

/**
 * A message's distinct words as a sorted set of 32-bit hashes, for near-duplicate detection by Jaccard
 * similarity: two bodies are near-duplicates when they share at least {@value #NEAR_DUPLICATE_PERCENT}% of
 * their distinct words (|A ∩ B| / |A ∪ B| ≥ 0.8). On the short bodies of texts this separates "the same
 * offer with one word changed" (0.83-0.9) from "another message of the same brand" (below 0.5) where a
 * 64-bit SimHash did not.
 */
public final class Shingles {

    public static final int NEAR_DUPLICATE_PERCENT = 80;
    public static final Shingles NONE = new Shingles(new int[0]);

    private final int[] hashes;

    private Shingles(int[] hashes) {
        this.hashes = hashes;
    }

    public static Shingles of(List<String> words) {
        int[] hashes = new int[words.size()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = hash(words.get(i));
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return new Shingles(Arrays.copyOf(hashes, distinct));
    }

    /** From stored hashes (the ledger keeps them with each committed send). */
    public static Shingles ofHashes(List<Long> stored) {
        int[] hashes = new int[stored.size()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = stored.get(i).intValue();
        }
        Arrays.sort(hashes);
        return new Shingles(hashes);
    }

    public List<Long> toList() {
        return Arrays.stream(hashes).mapToObj(h -> (long) h).toList();
    }

    public boolean isEmpty() {
        return hashes.length == 0;
    }

    /** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
    public double jaccard(Shingles other) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < hashes.length && j < other.hashes.length) {
            if (hashes[i] == other.hashes[j]) {
                common++;
                i++;
                j++;
            } else if (hashes[i] < other.hashes[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = hashes.length + other.hashes.length - common;
        return union == 0 ? 0 : (double) common / union;
    }

    public boolean nearlySame(Shingles other) {
        return jaccard(other) * 100 >= NEAR_DUPLICATE_PERCENT;
    }

    private static int hash(String word) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < word.length(); i++) {
            hash ^= word.charAt(i);
            hash *= 0x01000193;
        }
        return hash;
    }

    @Override public boolean equals(Object other) {
        return other instanceof Shingles && Arrays.equals(hashes, ((Shingles) other).hashes);
    }

    @Override public int hashCode() {
        return Arrays.hashCode(hashes);
    }

    @Override public String toString() {
        return "Shingles" + Arrays.toString(hashes);
    }
}
