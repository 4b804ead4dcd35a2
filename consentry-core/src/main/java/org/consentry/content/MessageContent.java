package org.consentry.content;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A message body as the content rules read it. It is immutable, and a campaign sends the same body to many
 * recipients, so what a rule works out from the body alone is kept with it ({@link #derive}).
 */
public final class MessageContent {

    public static final MessageContent EMPTY = new MessageContent("", "", List.of(), List.of(), List.of(), null, Shingles.NONE);

    /** At most this many derived results are kept per body (a rule with another tenant's brand adds one). */
    static final int MAX_DERIVED = 16;

    /** One derived result: who worked it out, from what besides the body, and the answer. */
    private record Derived(Object owner, Object given, Object value) {
    }

    private final String body;
    private final String lowerCase;
    private final List<String> words;
    private final List<String> rawWords;
    private final List<Link> links;
    /** Worked out on first use when {@link #fingerprints} is set: most checks never read them (see {@link ContentAnalyzer}). */
    private volatile String contentHash;
    private volatile Shingles shingles;
    private final ContentAnalyzer fingerprints;
    /** Replaced, never changed in place: a reader sees an old array or a new one, both complete. */
    private volatile Derived[] derived = new Derived[0];

    /**
     * @param body        the body as sent (may be empty, never null)
     * @param lowerCase   the body in lower case, white space collapsed
     * @param words       the words, lower case, with digits and symbols used as letters read as letters
     *                    ("fr33 sp1ns" reads "free spins"); HTML tags and links are not words
     * @param rawWords    the words as written, lower case, digits left as digits ("ar 15")
     * @param links       every link: URLs with a scheme, www. hosts, bare host/path forms and HTML anchors
     * @param contentHash SHA-256 of the body with case, white space, punctuation, how letters are written and the links'
     *                    tracking parameters normalised away
     * @param shingles    the distinct words hashed, for near-duplicates
     */
    public MessageContent(String body, String lowerCase, List<String> words, List<String> rawWords, List<Link> links,
                          String contentHash, Shingles shingles) {
        this.body = Objects.requireNonNull(body, "body");
        this.lowerCase = Objects.requireNonNull(lowerCase, "lowerCase");
        this.words = List.copyOf(words);
        // the same list when no word was read differently, so that readers can tell with ==
        this.rawWords = rawWords == words ? this.words : List.copyOf(rawWords);
        this.links = List.copyOf(links);
        this.contentHash = contentHash;
        this.shingles = shingles;
        this.fingerprints = null;
    }

    /** A body whose hash and shingles {@code fingerprints} works out when they are first asked for. */
    MessageContent(String body, String lowerCase, List<String> words, List<String> rawWords, List<Link> links,
                   ContentAnalyzer fingerprints) {
        this.body = Objects.requireNonNull(body, "body");
        this.lowerCase = Objects.requireNonNull(lowerCase, "lowerCase");
        this.words = List.copyOf(words);
        this.rawWords = rawWords == words ? this.words : List.copyOf(rawWords);
        this.links = List.copyOf(links);
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
    }

    public String body() {
        return body;
    }

    public String lowerCase() {
        return lowerCase;
    }

    public List<String> words() {
        return words;
    }

    public List<String> rawWords() {
        return rawWords;
    }

    public List<Link> links() {
        return links;
    }

    public String contentHash() {
        String hash = contentHash;
        if (hash == null && fingerprints != null) {
            hash = fingerprints.contentHash(this); // two threads may both work it out: the same answer
            contentHash = hash;
        }
        return hash;
    }

    public Shingles shingles() {
        Shingles words = shingles;
        if (words == null && fingerprints != null) {
            words = Shingles.of(this.words);
            shingles = words;
        }
        return words;
    }

    public boolean isEmpty() {
        return body.isEmpty();
    }

    /**
     * What {@code owner} works out from this body and {@code given} (the tenant's brand, say; null when the
     * body is all it reads), computed once and kept with the body. The work must depend on nothing else, and
     * its answer must be immutable.
     */
    @SuppressWarnings("unchecked")
    public <T> T derive(Object owner, Object given, Function<MessageContent, T> work) {
        Derived[] known = derived;
        for (Derived entry : known) {
            if (entry.owner() == owner && Objects.equals(entry.given(), given)) {
                return (T) entry.value();
            }
        }
        T value = work.apply(this);
        if (known.length < MAX_DERIVED) {
            Derived[] more = Arrays.copyOf(known, known.length + 1);
            more[known.length] = new Derived(owner, given, value);
            derived = more;
        }
        return value;
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

    @Override public boolean equals(Object other) {
        return other instanceof MessageContent that && body.equals(that.body) && lowerCase.equals(that.lowerCase)
                && words.equals(that.words) && rawWords.equals(that.rawWords) && links.equals(that.links)
                && Objects.equals(contentHash(), that.contentHash()) && Objects.equals(shingles(), that.shingles());
    }

    @Override public int hashCode() {
        return Objects.hash(body, contentHash());
    }

    @Override public String toString() {
        return "MessageContent[" + (body.length() > 60 ? body.substring(0, 60) + "..." : body) + "]";
    }
}
