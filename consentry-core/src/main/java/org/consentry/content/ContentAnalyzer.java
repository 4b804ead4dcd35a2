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
 * and shingles. Bodies are remembered, since a campaign sends the same one many times.
 * Tracking parameters ({@value #TRACKING_FILE}) are dropped from links before hashing, so that the same
 * message with another click id is the same content.
 */
public final class ContentAnalyzer {

    public static final String TRACKING_FILE = "/org/consentry/rules/tracking-parameters.tsv";

    static final int REMEMBERED_BODIES = 8_192;
    static final int MAX_REMEMBERED_LENGTH = 4_096;

    private final Map<String, MessageContent> remembered = new ConcurrentHashMap<>();
    private final Set<String> trackingParameters;
    private final Set<String> trackingPrefixes;

    private ContentAnalyzer(Set<String> trackingParameters, Set<String> trackingPrefixes) {
        this.trackingParameters = Set.copyOf(trackingParameters);
        this.trackingPrefixes = Set.copyOf(trackingPrefixes);
    }

    public static ContentAnalyzer load() {
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
        if (body.length() > MAX_REMEMBERED_LENGTH) {
            return read(body);
        }
        MessageContent known = remembered.get(body);
        if (known == null) {
            known = read(body);
            if (remembered.size() >= REMEMBERED_BODIES) {
                remembered.clear();
            }
            remembered.put(body, known);
        }
        return known;
    }

    private MessageContent read(String body) {
        List<Link> links = Links.find(body);
        String lowerCase = collapse(body.toLowerCase(Locale.ROOT));
        Words.Reading reading = Words.read(body);
        String normalised = normalise(lowerCase, links);
        return new MessageContent(body, lowerCase, reading.words(), reading.raw(), links, sha256(normalised),
                Shingles.of(reading.words()));
    }

    /** The text for the duplicate hash: lower case, collapsed white space, links without tracking parameters. */
    private String normalise(String lowerCase, List<Link> links) {
        String text = lowerCase;
        for (Link link : links) {
            String url = link.url().toLowerCase(Locale.ROOT);
            String clean = withoutTracking(url);
            if (!clean.equals(url)) {
                text = text.replace(url, clean);
            }
        }
        return text;
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
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || (commasToo && c == ',')) {
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
