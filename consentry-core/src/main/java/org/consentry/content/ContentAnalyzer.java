package org.consentry.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.ruledata.RuleDataFile;

/**
 * Reads a message body into {@link MessageContent}: its words (in one pass), its links, its normalised hash
 * and shingles. Bodies seen twice are remembered, since a campaign sends the same one many times.
 * Tracking parameters ({@value #TRACKING_FILE}) are dropped from links before hashing, so that the same
 * message with another click id is the same content.
 */
public final class ContentAnalyzer {

    public static final String TRACKING_FILE = "/org/consentry/rules/tracking-parameters.tsv";

    static final int REMEMBERED_BODIES = 8_192;
    static final int MAX_REMEMBERED_LENGTH = 4_096;
    static final int SEEN_ONCE_SLOTS = 1 << 14;

    private static final HexFormat HEX = HexFormat.of();
    /** A digest per thread: looking one up in the security providers costs more than hashing a text. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final Map<Object, MessageContent> remembered = new ConcurrentHashMap<>();
    /** The hashes of bodies seen once (0 in an empty slot; a body whose hash is 0 is remembered the first time). */
    private final int[] seenOnce = new int[SEEN_ONCE_SLOTS];
    private final Set<String> trackingParameters;
    private final Set<String> trackingPrefixes;

    private ContentAnalyzer(Set<String> trackingParameters, Set<String> trackingPrefixes) {
        this.trackingParameters = Set.copyOf(trackingParameters);
        this.trackingPrefixes = Set.copyOf(trackingPrefixes);
    }

    public static ContentAnalyzer load() {
        PlainText.load();
        Set<String> exact = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(TRACKING_FILE).rows()) {
            String name = row.get("parameter").toLowerCase(Locale.ROOT);
            if (name.endsWith("*")) {
                prefixes.add(name.substring(0, name.length() - 1));
            } else {
                exact.add(name);
            }
        }
        return new ContentAnalyzer(exact, prefixes);
    }

    /**
     * The body read, remembered: a campaign sends one body to thousands of recipients, and each of their checks
     * reads the same text. At most {@value #REMEMBERED_BODIES} bodies are kept; when full, the memory starts over.
     */
    public MessageContent analyze(String body) {
        if (body == null || body.isEmpty()) {
            return MessageContent.EMPTY;
        }
        return body.length() > MAX_REMEMBERED_LENGTH ? read(body) : remembered(body, body, null);
    }

    /**
     * An email read as one text, its subject line then its body, remembered by the pair: the strings a campaign
     * sends again are the same, and each keeps its hash, so finding it costs no pass over the text.
     */
    public MessageContent analyze(String subject, String body) {
        if (subject == null) {
            return analyze(body);
        }
        String text = body == null ? "" : body;
        if (subject.length() + text.length() >= MAX_REMEMBERED_LENGTH) {
            return read(subject + "\n" + text);
        }
        return remembered(new SubjectAndBody(subject, text), subject, text);
    }

    /** Hashed and compared by hand: a record's generated methods cost a method-handle chain on every email. */
    private record SubjectAndBody(String subject, String body) {

        @Override
        public boolean equals(Object other) {
            return other instanceof SubjectAndBody pair && subject.equals(pair.subject) && body.equals(pair.body);
        }

        @Override
        public int hashCode() {
            return 31 * subject.hashCode() + body.hashCode();
        }
    }

    /**
     * A body is remembered the second time it is seen, not the first: a one-time password, an order notice or a
     * text personalised with a name comes once, and remembering those would push the campaigns' bodies out (and
     * empty the memory every {@value #REMEMBERED_BODIES} of them). The first sighting leaves the body's hash in
     * {@link #seenOnce}, a small table that forgets (a slot is overwritten by the next body that falls in it).
     */
    private MessageContent remembered(Object key, String first, String second) {
        MessageContent known = remembered.get(key);
        if (known != null) {
            return known;
        }
        known = read(second == null ? first : first + "\n" + second);
        int hash = key.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (seenOnce.length - 1);
        if (seenOnce[slot] != hash) { // a race between two threads here only delays the remembering
            seenOnce[slot] = hash;
            return known;
        }
        if (remembered.size() >= REMEMBERED_BODIES) {
            remembered.clear();
        }
        remembered.put(key, known);
        return known;
    }

    /**
     * Reads the body's words and links now; its normalised hash and its shingles, which only the duplicate rule
     * (for a recipient with recent sends) and a committed send read, when they are first asked for.
     */
    private MessageContent read(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        List<Link> links = Links.find(body, lower);
        Words.Reading reading = Words.read(body);
        String lowerCase = reading.collapsed() ? lower : collapse(lower);
        return new MessageContent(body, lowerCase, reading.words(), reading.raw(), links, this);
    }

    /**
     * SHA-256 of the body as the duplicate rule compares it: case, white space, punctuation, the way letters are
     * written and the links' tracking parameters normalised away (see {@link #canonical}).
     */
    String contentHash(MessageContent content) {
        return sha256(canonical(content));
    }

    /**
     * The text for the duplicate hash: the body's words in order as the words reader reads them (lower case; letters
     * of other scripts that look like Latin ones, styled forms and invisible characters read as the plain letters;
     * punctuation and white space between them dropped), then its links, lower case, without tracking parameters, a
     * fragment or a trailing slash. A body with neither words nor links is its collapsed lower-case text.
     */
    private String canonical(MessageContent content) {
        if (content.words().isEmpty() && content.links().isEmpty()) {
            return content.lowerCase();
        }
        StringBuilder text = new StringBuilder(content.lowerCase().length());
        for (String word : content.words()) {
            text.append(word).append(' ');
        }
        for (Link link : content.links()) {
            text.append('\n').append(sameDestination(link.url().toLowerCase(Locale.ROOT)));
        }
        return text.toString();
    }

    /** A link as the duplicate hash keeps it: without tracking parameters, an empty query, a fragment or a trailing slash. */
    private String sameDestination(String url) {
        int fragment = url.indexOf('#');
        String clean = withoutTracking(fragment < 0 ? url : url.substring(0, fragment));
        return clean.endsWith("/") ? clean.substring(0, clean.length() - 1) : clean;
    }

    String withoutTracking(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        int fragment = url.indexOf('#', query);
        String params = fragment < 0 ? url.substring(query + 1) : url.substring(query + 1, fragment);
        StringBuilder kept = new StringBuilder();
        for (String param : params.split("&")) {
            String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            if (name.isEmpty() || isTracking(name)) {
                continue;
            }
            kept.append(kept.length() == 0 ? "?" : "&").append(param);
        }
        return url.substring(0, query) + kept;
    }

    private boolean isTracking(String name) {
        if (trackingParameters.contains(name)) {
            return true;
        }
        for (String prefix : trackingPrefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String collapse(String text) {
        return collapse(text, false);
    }

    /** Runs of white space (and of commas, when asked) as one space, none at either end. */
    public static String collapse(String text, boolean commasToo) {
        if (!commasToo && isCollapsed(text)) {
            return text; // most texts: single spaces between words, none at the ends
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Links.isSpace(c) || (commasToo && c == ',')) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isCollapsed(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == last || text.charAt(i + 1) == ' ' || Links.isSpace(text.charAt(i + 1))) {
                    return false;
                }
            } else if ((c <= ' ' || c >= 128) && Links.isSpace(c)) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(String text) {
        MessageDigest digest = SHA256.get();
        return HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8))); // digest() also resets it
    }
}
