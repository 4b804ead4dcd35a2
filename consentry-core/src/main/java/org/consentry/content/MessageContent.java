package org.consentry.content;

import java.util.List;

/**
 * A message body as the content rules read it.
 *
 * @param body        the body as sent (may be empty, never null)
 * @param lowerCase   the body in lower case, white space collapsed
 * @param words       the words, lower case, with digits and symbols used as letters read as letters
 *                    ("fr33 sp1ns" reads "free spins"); HTML tags and links are not words
 * @param rawWords    the words as written, lower case, digits left as digits ("ar 15")
 * @param links       every link: URLs with a scheme, www. hosts, bare host/path forms and HTML anchors
 * @param contentHash SHA-256 of the body with case, white space and the links' tracking parameters normalised away
 * @param shingles    the distinct words hashed, for near-duplicates
 */
public record MessageContent(String body, String lowerCase, List<String> words, List<String> rawWords, List<Link> links,
                             String contentHash, Shingles shingles) {

    public static final MessageContent EMPTY = new MessageContent("", "", List.of(), List.of(), List.of(), null, Shingles.NONE);

    public MessageContent {
        words = List.copyOf(words);
        rawWords = List.copyOf(rawWords);
        links = List.copyOf(links);
    }

    public boolean isEmpty() {
        return body.isEmpty();
    }

    /** True when the words contain this phrase (words separated by single spaces) as consecutive words. */
    public boolean hasPhrase(String... phrase) {
        outer:
        for (int i = 0; i + phrase.length <= words.size(); i++) {
            for (int j = 0; j < phrase.length; j++) {
                if (!words.get(i + j).equals(phrase[j])) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
