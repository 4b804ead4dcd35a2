package org.consentry.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.ruledata.RuleDataFile;

/**
 * Terms by category, matched against a message's words: a term of several words matches as consecutive
 * words, and a word ending in a plural s also matches the term without it. Terms of the category
 * {@code allow} mark harmless phrases: a match inside one does not count.
 */
public final class Lexicon {

    /** A category's term found in a message. */
    public record Match(String category, String term, int start, int end) {
    }

    private record Term(String category, String text, List<String> words) {
    }

    /** Every match in either reading of a message (leetspeak as letters, and as written), each term once. */
    public List<Match> find(MessageContent content) {
        List<Match> read = find(content.words());
        if (content.rawWords() == content.words()) {
            return read;
        }
        List<Match> written = find(content.rawWords());
        if (written.isEmpty()) {
            return read;
        }
        List<Match> all = new ArrayList<>(read);
        for (Match match : written) {
            boolean known = false;
            for (Match seen : all) {
                known |= seen.term().equals(match.term());
            }
            if (!known) {
                all.add(match);
            }
        }
        return all;
    }

    public static final String ALLOW = "allow";

    private static final int FILTER_WORDS = 1 << 10;

    private final Map<String, List<Term>> byFirstWord;
    /** The first words: a message's word the filter has not seen starts no term, and the map is not asked. */
    private final WordFilter firstWords = new WordFilter(FILTER_WORDS);

    private Lexicon(Map<String, List<Term>> byFirstWord) {
        this.byFirstWord = byFirstWord;
        byFirstWord.keySet().forEach(firstWords::add);
    }

    public static Lexicon load(String resource, String termColumn) {
        PlainText.load();
        Map<String, List<Term>> byFirstWord = new HashMap<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(resource).rows()) {
            String text = row.get(termColumn);
            List<String> words = Words.of(text);
            List<String> raw = Words.raw(text);
            if (words.isEmpty()) {
                throw row.problem(termColumn, "'" + text + "' has no words");
            }
            Term term = new Term(row.get("category"), text, words);
            byFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(term);
            if (!raw.equals(words)) {
                byFirstWord.computeIfAbsent(raw.get(0), w -> new ArrayList<>()).add(new Term(row.get("category"), text, raw));
            }
        }
        return new Lexicon(withPlurals(byFirstWord));
    }

    /**
     * The index, with each first word's plural (the word and an s) pointing at its terms too, unless the
     * plural is a first word of its own: a message's word is then found with one look-up.
     */
    private static Map<String, List<Term>> withPlurals(Map<String, List<Term>> byFirstWord) {
        Map<String, List<Term>> index = new HashMap<>(byFirstWord);
        for (Map.Entry<String, List<Term>> entry : byFirstWord.entrySet()) {
            String plural = entry.getKey() + "s";
            if (plural.length() > 3 && !byFirstWord.containsKey(plural)) {
                index.put(plural, entry.getValue());
            }
        }
        return Map.copyOf(index);
    }

    /** Every match outside an allow phrase, in order. */
    public List<Match> find(List<String> words) {
        List<Match> matches = null;
        List<int[]> allowed = null;
        for (int i = 0; i < words.size(); i++) {
            List<Term> candidates = candidates(words.get(i));
            if (candidates == null) {
                continue;
            }
            for (Term term : candidates) {
                if (!matchesAt(term, words, i)) {
                    continue;
                }
                int end = i + term.words().size();
                if (ALLOW.equals(term.category())) {
                    if (allowed == null) {
                        allowed = new ArrayList<>(2);
                    }
                    allowed.add(new int[] {i, end});
                } else {
                    if (matches == null) {
                        matches = new ArrayList<>(2);
                    }
                    matches.add(new Match(term.category(), term.text(), i, end));
                }
            }
        }
        if (matches == null) {
            return List.of();
        }
        if (allowed == null) {
            return matches;
        }
        List<Match> kept = new ArrayList<>(matches.size());
        for (Match match : matches) {
            if (!coveredBy(match, allowed)) {
                kept.add(match);
            }
        }
        return kept;
    }

    /** The matches grouped by category, terms in order of appearance without repeats. */
    public static Map<String, List<String>> byCategory(List<Match> matches) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (Match match : matches) {
            List<String> terms = grouped.computeIfAbsent(match.category(), c -> new ArrayList<>());
            if (!terms.contains(match.term())) {
                terms.add(match.term());
            }
        }
        return grouped;
    }

    private List<Term> candidates(String word) {
        return firstWords.mayHold(word) ? byFirstWord.get(word) : null;
    }

    private static boolean matchesAt(Term term, List<String> words, int at) {
        List<String> needed = term.words();
        if (at + needed.size() > words.size()) {
            return false;
        }
        for (int j = 0; j < needed.size(); j++) {
            String word = words.get(at + j);
            String want = needed.get(j);
            if (!word.equals(want) && !(word.length() > 3 && word.endsWith("s") && word.regionMatches(0, want, 0, want.length())
                    && word.length() == want.length() + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean coveredBy(Match match, List<int[]> spans) {
        for (int[] span : spans) {
            if (match.start() < span[1] && match.end() > span[0]) {
                return true;
            }
        }
        return false;
    }
}
