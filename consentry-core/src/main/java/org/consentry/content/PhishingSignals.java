package org.consentry.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import org.consentry.ruledata.RuleDataFile;

/**
 * Finds requests for secrets in a message's words, from {@value #FILE}: a request ("verify", "enter") or a
 * share ("send", "reply with") followed within six words by a secret (a password, a card number, a bank
 * account), or a share followed by a one-time code. A guard up to five words before the verb ("never share", "do not
 * enter") makes it a warning instead.
 */
public final class PhishingSignals {

    public static final String FILE = "/org/consentry/rules/phishing-phrases.tsv";
    private static final int WINDOW = 6;
    private static final int GUARD_WINDOW = 5;

    /** A request for a secret: its category (credentials, bank, card), the verb and the thing asked for. */
    public record Signal(String category, String verb, String object) {
    }

    private record Phrase(String text, List<String> words, String category) {
    }

    /** Phrases of one kind by their first word, longest first. */
    private static final class PhraseIndex {
        private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();

        void add(Phrase phrase) {
            List<Phrase> phrases = byFirstWord.computeIfAbsent(phrase.words().get(0), w -> new ArrayList<>());
            phrases.add(phrase);
            phrases.sort(Comparator.comparingInt((Phrase p) -> p.words().size()).reversed());
        }

        /** The longest phrase that starts at word {@code i}, or null. */
        Phrase at(List<String> words, int i) {
            List<Phrase> phrases = byFirstWord.get(words.get(i));
            if (phrases == null) {
                return null;
            }
            for (Phrase phrase : phrases) {
                List<String> needed = phrase.words();
                if (i + needed.size() > words.size()) {
                    continue;
                }
                boolean match = true;
                for (int j = 1; j < needed.size() && match; j++) {
                    match = words.get(i + j).equals(needed.get(j));
                }
                if (match) {
                    return phrase;
                }
            }
            return null;
        }
    }

    private final PhraseIndex requests = new PhraseIndex();
    private final PhraseIndex shares = new PhraseIndex();
    private final PhraseIndex secrets = new PhraseIndex();
    private final PhraseIndex codes = new PhraseIndex();
    private final PhraseIndex guards = new PhraseIndex();
    /** The first words of every request and share: most words of a message are none, and are passed over at once. */
    private final Set<String> verbStarts = new HashSet<>();
    /** The same words, for passing over the others without asking the set. */
    private final WordFilter verbFilter = new WordFilter(1 << 8);

    private PhishingSignals() {
    }

    public static PhishingSignals load() {
        PhishingSignals signals = new PhishingSignals();
        for (RuleDataFile.Row row : RuleDataFile.resource(FILE).rows()) {
            String text = row.get("phrase");
            List<String> words = Words.of(text);
            if (words.isEmpty()) {
                throw row.problem("phrase", "'" + text + "' has no words");
            }
            Phrase phrase = new Phrase(text, words, row.get("category"));
            switch (row.get("kind").toLowerCase(Locale.ROOT)) {
                case "request": signals.requests.add(phrase); signals.addVerbStart(words.get(0)); break;
                case "share": signals.shares.add(phrase); signals.addVerbStart(words.get(0)); break;
                case "secret": signals.secrets.add(phrase); break;
                case "code": signals.codes.add(phrase); break;
                case "guard": signals.guards.add(phrase); break;
                default: throw row.problem("kind", "'" + row.get("kind") + "' is not request, share, secret, code or guard");
            }
        }
        return signals;
    }

    private void addVerbStart(String word) {
        verbStarts.add(word);
        verbFilter.add(word);
    }

    private boolean isVerbStart(String word) {
        return verbFilter.mayHold(word) && verbStarts.contains(word);
    }

    public List<Signal> find(List<String> words) {
        List<Signal> found = new ArrayList<>(1);
        for (int i = 0; i < words.size(); i++) {
            if (!isVerbStart(words.get(i))) {
                continue;
            }
            Phrase request = at(requests, words, i);
            Phrase share = at(shares, words, i);
            if ((request == null && share == null) || guarded(words, i)) {
                continue;
            }
            Phrase verb = request != null ? request : share;
            int from = i + verb.words().size();
            if (share != null && from < words.size() && words.get(from).equals("it") && codeBefore(words, i)) {
                found.add(new Signal("credentials", share.text(), "the code (\"" + share.text() + " it\")"));
                continue;
            }
            int counted = 0;
            for (int j = from; j < words.size() && counted < WINDOW; j++) {
                if (!isNumber(words.get(j))) {
                    counted++;
                }
                Phrase secret = at(secrets, words, j);
                if (secret != null) {
                    found.add(new Signal(secret.category(), verb.text(), secret.text()));
                    break;
                }
                Phrase code = share != null ? at(codes, words, j) : null;
                if (code != null) {
                    found.add(new Signal("credentials", share.text(), code.text()));
                    break;
                }
            }
        }
        return found;
    }

    /** Numbers (a phone number read as words) do not count toward the distance between a verb and its object. */
    private static boolean isNumber(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return !word.isEmpty();
    }

    /** True when a one-time code is named in the ten words before a verb. */
    private boolean codeBefore(List<String> words, int verbAt) {
        for (int k = Math.max(0, verbAt - 10); k < verbAt; k++) {
            if (at(codes, words, k) != null) {
                return true;
            }
        }
        return false;
    }

    private boolean guarded(List<String> words, int verbAt) {
        for (int k = Math.max(0, verbAt - GUARD_WINDOW); k < verbAt; k++) {
            if (at(guards, words, k) != null) {
                return true;
            }
        }
        return false;
    }

    private static Phrase at(PhraseIndex phrases, List<String> words, int i) {
        return phrases.at(words, i);
    }
}
