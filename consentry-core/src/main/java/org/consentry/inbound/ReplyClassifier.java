package org.consentry.inbound;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.consentry.inbound.ReplyIntent.Kind;
import org.consentry.ruledata.RuleDataFile;

/**
 * Reads a free-text SMS reply as an opt-out, an opt-in, a confirmation, a help request or none of these, in
 * English, Spanish, French and German, from the phrases of {@value #FILE}.
 *
 * <p>The FCC requires honouring a revocation made by any reasonable means (47 CFR 64.1200(a)(10), FCC 24-24),
 * so a revocation always wins, and a reply that may be one is one: a revocation word inside a longer reply
 * counts, marked ambiguous, unless the reply uses the word in another sense ("stop by the store", "bus stop")
 * or negates it ("don't stop"; "why won't you stop" and "you never stop" complain, and count). Opt-ins are read the
 * other way round: only a reply that says nothing else starts messages again, since a wrong opt-in is a violation.
 *
 * <p>Before matching, a reply is read into words: lower case, accents dropped (arrêt reads arret, ß reads ss),
 * apostrophes dropped (don't reads dont), letters repeated three times or more read once (stooop reads stop),
 * invisible format characters dropped (a zero-width space, U+200B, inside STOP),
 * digits stuck to letters dropped or read as letters (stop2 reads stop, st0p reads stop), spaced-out letters
 * joined (s t o p reads stop), the stop-sign emoji read as stop. Sentence ends (. ! ? ; and line breaks) keep
 * phrases and negations apart; a comma keeps apart the words of a phrase that reads a revocation word in another
 * sense ("STOP, for the last time" is no "stop for gas").
 */
public final class ReplyClassifier {

    public static final String FILE = "/org/consentry/rules/reply-phrases.tsv";

    /** Marks a sentence end among the words: no phrase contains it. */
    static final String BOUNDARY = "|";
    /** Marks a comma among the words while they are read; taken out before phrases are matched. */
    private static final String PAUSE = ",";
    /** Words that may stand between a negator and the word it negates ("don't ever stop"). */
    private static final Set<String> NEGATION_GAP = Set.of("ever", "you", "u", "really", "even");
    /** Words before a negator that make it a complaint that the messages go on ("why won't you stop", "you never stop"). */
    private static final Set<String> COMPLAINT = Set.of("why", "you", "u");
    /** Revocation words of this length or more are recognised one letter off (stpo, stp, cancle), in a reply of one word. */
    private static final int FUZZY_MIN_LENGTH = 4;
    /**
     * Cyrillic and Greek letters that look like Latin ones, each followed by the Latin letter it is read as: STOP typed
     * with the Cyrillic Ѕ, Т, О and Р reads stop.
     */
    private static final String LOOK_ALIKES = "АaВbЕeЅsІiЈjКkМmНhОoРpСcТtУyХxаaеeѕsіiјjоoрpсcуyхxһhԁdԛqԝw"
            + "ΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧxαaιiκkνvοoρpυuχx";
    /** Longer replies are read up to here: a revocation is said early, and the work stays bounded. */
    static final int MAX_CHARS = 1_600;

    enum Intent { OPT_OUT, OPT_OUT_WORD, OPT_OUT_ALONE, BENIGN, OPT_IN, CONFIRM, HELP }

    private record Phrase(Intent intent, String text, String[] words, String language) {
    }

    private record Match(Phrase phrase, int start, int end) {
    }

    private final Map<String, List<Phrase>> byFirstWord;
    private final Set<String> fillers;
    private final Set<String> negators;
    /** The revocation words long enough to be recognised one letter off. */
    private final List<Phrase> fuzzyTargets;
    private final Set<String> knownWords;

    private ReplyClassifier(List<Phrase> phrases, Set<String> fillers, Set<String> negators) {
        Map<String, List<Phrase>> index = new HashMap<>();
        Set<String> known = new HashSet<>(fillers);
        known.addAll(negators);
        List<Phrase> fuzzy = new ArrayList<>();
        for (Phrase phrase : phrases) {
            index.computeIfAbsent(phrase.words()[0], w -> new ArrayList<>()).add(phrase);
            known.addAll(List.of(phrase.words()));
            if (phrase.intent() == Intent.OPT_OUT_WORD && phrase.text().length() >= FUZZY_MIN_LENGTH) {
                fuzzy.add(phrase);
            }
        }
        for (List<Phrase> list : index.values()) {
            list.sort(Comparator.comparingInt((Phrase p) -> p.words().length).reversed());
        }
        this.byFirstWord = Map.copyOf(index);
        this.fillers = Set.copyOf(fillers);
        this.negators = Set.copyOf(negators);
        this.fuzzyTargets = List.copyOf(fuzzy);
        this.knownWords = Set.copyOf(known);
    }

    public static ReplyClassifier load() {
        List<Phrase> phrases = new ArrayList<>();
        Set<String> fillers = new HashSet<>();
        Set<String> negators = new HashSet<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(FILE).rows()) {
            String text = row.get("phrase");
            List<String> words = read(text);
            if (words.isEmpty() || words.contains(BOUNDARY) || !String.join(" ", words).equals(text)) {
                throw row.problem("phrase", "'" + text + "' must be written as it is read: lower case words without accents or punctuation");
            }
            String intent = row.get("intent");
            switch (intent) {
                case "filler" -> fillers.add(single(row, words));
                case "negator" -> negators.add(single(row, words));
                default -> {
                    Intent kind;
                    try {
                        kind = Intent.valueOf(intent.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw row.problem("intent", "'" + intent + "' is not one of opt_out, opt_out_word, opt_out_alone, benign, "
                                + "negator, filler, opt_in, confirm, help");
                    }
                    phrases.add(new Phrase(kind, text, words.toArray(new String[0]), row.get("language")));
                }
            }
        }
        return new ReplyClassifier(phrases, fillers, negators);
    }

    private static String single(RuleDataFile.Row row, List<String> words) {
        if (words.size() != 1) {
            throw row.problem("phrase", "fillers and negators are single words");
        }
        return words.get(0);
    }

    public ReplyIntent classify(String reply) {
        return classify(reply, Map.of());
    }

    /** How a tenant's own keyword reads, as replies are read (lower case words), or null when it has no words. */
    public static String keywordForm(String keyword) {
        List<String> words = new ArrayList<>(read(keyword));
        words.removeIf(BOUNDARY::equals);
        return words.isEmpty() ? null : String.join(" ", words);
    }

    /**
     * @param custom the tenant's own keywords (lower case, as read) and what each asks for; they count when the
     *               reply is the keyword alone, and never over a revocation
     */
    public ReplyIntent classify(String reply, Map<String, Kind> custom) {
        if (reply == null || reply.isBlank()) {
            return ReplyIntent.none("The reply is empty.");
        }
        List<String> marked = readMarked(reply.length() > MAX_CHARS ? reply.substring(0, MAX_CHARS) : reply);
        List<String> words = withoutPauses(marked);
        if (words.isEmpty()) {
            return ReplyIntent.none("The reply has no words.");
        }
        List<Match> matches = matches(words, pausesBefore(marked, words.size()));
        ReplyIntent revocation = revocation(words, matches);
        if (revocation != null) {
            return revocation;
        }
        String whole = wholeReply(words);
        Kind own = custom.get(whole);
        if (own != null) {
            return new ReplyIntent(own, whole, null, false, "'" + whole + "' is one of the account's own keywords ("
                    + own.wireName() + ").");
        }
        for (Match match : matches) {
            if (match.phrase().intent() == Intent.HELP) {
                return intent(Kind.HELP, match, false, "'" + match.phrase().text() + "' asks for help or who is writing.");
            }
        }
        return agreement(words, matches);
    }

    /** The revocation in a reply, or null: a revocation phrase, a revocation word, a refusal alone, a word one letter off. */
    private ReplyIntent revocation(List<String> words, List<Match> matches) {
        boolean[] otherSense = new boolean[words.size()];
        for (Match match : matches) {
            if (match.phrase().intent() == Intent.BENIGN) {
                for (int i = match.start(); i < match.end(); i++) {
                    otherSense[i] = true;
                }
            }
        }
        Match word = null;
        String negated = null;
        String benign = null;
        for (Match match : matches) {
            Intent intent = match.phrase().intent();
            if (intent != Intent.OPT_OUT && intent != Intent.OPT_OUT_WORD) {
                continue;
            }
            boolean startsWithWord = intent == Intent.OPT_OUT_WORD || isRevocationWord(words.get(match.start()));
            if (startsWithWord && negated(words, match.start())) {
                negated = words.get(match.start() - 1) + " " + match.phrase().words()[0];
                continue;
            }
            if (intent == Intent.OPT_OUT) {
                return intent(Kind.OPT_OUT, match, false, "'" + match.phrase().text() + "' asks for the messages to stop.");
            }
            if (otherSense[match.start()]) {
                benign = match.phrase().text();
                continue;
            }
            if (word == null) {
                word = match;
            }
        }
        if (word != null) {
            if (onlyRevocationAndFillers(words, matches)) {
                return intent(Kind.OPT_OUT, word, false, "'" + word.phrase().text() + "' is a revocation word, and the reply says nothing else.");
            }
            return intent(Kind.OPT_OUT, word, true, "'" + word.phrase().text() + "' is a revocation word inside a longer reply; "
                    + "taken as an opt-out (fail closed).");
        }
        List<String> content = contentWords(words);
        if (content.size() == 1 && negated == null && benign == null) {
            String alone = content.get(0);
            for (Match match : matches) {
                if (match.phrase().intent() == Intent.OPT_OUT_ALONE && match.phrase().text().equals(alone)) {
                    return intent(Kind.OPT_OUT, match, true, "'" + alone + "' alone is a refusal; taken as an opt-out (fail closed).");
                }
            }
            if (alone.length() >= FUZZY_MIN_LENGTH - 1 && !knownWords.contains(alone)) {
                for (Phrase target : fuzzyTargets) {
                    if (oneEditApart(alone, target.text())) {
                        return new ReplyIntent(Kind.OPT_OUT, alone, target.language(), true, "'" + alone
                                + "' is one letter off the revocation word '" + target.text() + "'; taken as an opt-out (fail closed).");
                    }
                }
            }
        }
        return null;
    }

    /** A YES or an opt-in, when the reply is nothing else; otherwise none. */
    private ReplyIntent agreement(List<String> words, List<Match> matches) {
        boolean[] covered = new boolean[words.size()];
        Match optIn = null;
        Match confirm = null;
        for (Match match : matches) {
            Intent intent = match.phrase().intent();
            if (intent != Intent.OPT_IN && intent != Intent.CONFIRM) {
                continue;
            }
            for (int i = match.start(); i < match.end(); i++) {
                covered[i] = true;
            }
            if (intent == Intent.OPT_IN && optIn == null) {
                optIn = match;
            } else if (intent == Intent.CONFIRM && confirm == null) {
                confirm = match;
            }
        }
        if (optIn == null && confirm == null) {
            return ReplyIntent.none("No revocation, opt-in or help request was found.");
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!covered[i] && !word.equals(BOUNDARY) && !fillers.contains(word)) {
                Match found = optIn != null ? optIn : confirm;
                return ReplyIntent.none("'" + found.phrase().text() + "' is part of a longer reply, which is not taken as an opt-in.");
            }
        }
        if (optIn != null) {
            return intent(Kind.OPT_IN, optIn, false, "'" + optIn.phrase().text() + "' asks for the messages to start again.");
        }
        return intent(Kind.CONFIRM, confirm, false, "'" + confirm.phrase().text() + "' agrees.");
    }

    private static ReplyIntent intent(Kind kind, Match match, boolean ambiguous, String why) {
        return new ReplyIntent(kind, match.phrase().text(), match.phrase().language(), ambiguous, why);
    }

    private boolean isRevocationWord(String word) {
        List<Phrase> phrases = byFirstWord.get(word);
        if (phrases == null) {
            return false;
        }
        for (Phrase phrase : phrases) {
            if (phrase.intent() == Intent.OPT_OUT_WORD) {
                return true;
            }
        }
        return false;
    }

    /**
     * A negator right before the word, or two before it with "ever", "you"... between, in the same sentence; unless the
     * negator follows "why" or "you" (not "thank you"), which makes the reply a complaint that the messages go on.
     */
    private boolean negated(List<String> words, int at) {
        if (at >= 1 && negators.contains(words.get(at - 1))) {
            return !complaint(words, at - 1);
        }
        return at >= 2 && NEGATION_GAP.contains(words.get(at - 1)) && negators.contains(words.get(at - 2)) && !complaint(words, at - 2);
    }

    private static boolean complaint(List<String> words, int negator) {
        return negator >= 1 && COMPLAINT.contains(words.get(negator - 1)) && (negator < 2 || !words.get(negator - 2).equals("thank"));
    }

    /** True when every word is a revocation word (in its own sense), a filler or a sentence end. */
    private boolean onlyRevocationAndFillers(List<String> words, List<Match> matches) {
        boolean[] revocation = new boolean[words.size()];
        for (Match match : matches) {
            if (match.phrase().intent() == Intent.OPT_OUT_WORD) {
                revocation[match.start()] = true;
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!revocation[i] && !word.equals(BOUNDARY) && !fillers.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private List<String> contentWords(List<String> words) {
        List<String> content = new ArrayList<>(2);
        for (String word : words) {
            if (!word.equals(BOUNDARY) && !fillers.contains(word)) {
                content.add(word);
                if (content.size() > 1) {
                    break;
                }
            }
        }
        return content;
    }

    private static String wholeReply(List<String> words) {
        StringBuilder whole = new StringBuilder();
        for (String word : words) {
            if (!word.equals(BOUNDARY)) {
                if (whole.length() > 0) {
                    whole.append(' ');
                }
                whole.append(word);
            }
        }
        return whole.toString();
    }

    /**
     * Every phrase found, at every position, in order of position; a phrase in another sense only where no comma
     * stands between its words.
     */
    private List<Match> matches(List<String> words, boolean[] pauseBefore) {
        List<Match> found = new ArrayList<>(4);
        for (int i = 0; i < words.size(); i++) {
            List<Phrase> candidates = byFirstWord.get(words.get(i));
            if (candidates == null) {
                continue;
            }
            for (Phrase phrase : candidates) {
                int end = endOf(phrase, words, i);
                if (end >= 0 && (phrase.intent() != Intent.BENIGN || !paused(pauseBefore, i + 1, end))) {
                    found.add(new Match(phrase, i, end));
                }
            }
        }
        return found;
    }

    /** True when a comma stands before one of the words from {@code from} to {@code to} (exclusive). */
    private static boolean paused(boolean[] pauseBefore, int from, int to) {
        for (int i = from; i < to; i++) {
            if (pauseBefore[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the phrase ends when it begins at {@code at}, or -1 when it is not there. A revocation phrase may run across
     * sentence ends, as when it is said one word at a time ("Do. Not. Text. Me."); no other phrase does.
     */
    private static int endOf(Phrase phrase, List<String> words, int at) {
        boolean acrossSentenceEnds = phrase.intent() == Intent.OPT_OUT;
        int next = at + 1;
        for (int j = 1; j < phrase.words().length; j++) {
            while (acrossSentenceEnds && next < words.size() && words.get(next).equals(BOUNDARY)) {
                next++;
            }
            if (next >= words.size() || !phrase.words()[j].equals(words.get(next))) {
                return -1;
            }
            next++;
        }
        return next;
    }

    /** True when one insertion, deletion, substitution or swap of neighbours turns one word into the other. */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        if (a.length() == b.length()) {
            int first = -1;
            int differences = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (++differences == 1) {
                        first = i;
                    }
                }
            }
            if (differences == 1) {
                return true;
            }
            return differences == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }

    /** The reply read into words and sentence ends, as the class comment describes. */
    static List<String> read(String reply) {
        return withoutPauses(readMarked(reply));
    }

    /** The words without the commas marked among them. */
    private static List<String> withoutPauses(List<String> marked) {
        if (!marked.contains(PAUSE)) {
            return marked;
        }
        List<String> words = new ArrayList<>(marked.size());
        for (String word : marked) {
            if (!word.equals(PAUSE)) {
                words.add(word);
            }
        }
        return words;
    }

    /** For each of the {@code count} words left once the commas are taken out, whether a comma stood right before it. */
    private static boolean[] pausesBefore(List<String> marked, int count) {
        boolean[] before = new boolean[count];
        int word = 0;
        boolean pause = false;
        for (String token : marked) {
            if (token.equals(PAUSE)) {
                pause = true;
            } else {
                before[word++] = pause;
                pause = false;
            }
        }
        return before;
    }

    /** The reply read into words, sentence ends and commas. */
    private static List<String> readMarked(String reply) {
        String text = fold(reply);
        List<String> words = new ArrayList<>(8);
        StringBuilder word = new StringBuilder(16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(Character.toLowerCase(c));
            } else if (c == '\'' || c == '\u2019' || c == '\u2018' || c == '`' || c == '\u00b4') {
                continue;
            } else {
                flush(word, words);
                if ((c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') && !words.isEmpty()
                        && !words.get(words.size() - 1).equals(BOUNDARY)) {
                    if (words.get(words.size() - 1).equals(PAUSE)) {
                        words.remove(words.size() - 1);
                    }
                    words.add(BOUNDARY);
                } else if (c == ',' && !words.isEmpty() && !words.get(words.size() - 1).equals(BOUNDARY)
                        && !words.get(words.size() - 1).equals(PAUSE)) {
                    words.add(PAUSE);
                }
            }
        }
        flush(word, words);
        while (!words.isEmpty() && (words.get(words.size() - 1).equals(BOUNDARY) || words.get(words.size() - 1).equals(PAUSE))) {
            words.remove(words.size() - 1);
        }
        return joinSpelledOut(words);
    }

    /**
     * Lower case, accents dropped, ß as ss, the stop-sign emoji as the word stop, invisible format characters (a
     * zero-width space or joiner, a soft hyphen) dropped: STOP with U+200B inside reads stop; Cyrillic and Greek letters
     * that look like Latin ones read as those.
     */
    private static String fold(String reply) {
        boolean ascii = true;
        for (int i = 0; i < reply.length() && ascii; i++) {
            ascii = reply.charAt(i) < 0x80;
        }
        if (ascii) {
            return reply.toLowerCase(Locale.ROOT);
        }
        String text = reply.replace("\uD83D\uDED1", " stop ").replace("ß", "ss").replace("ẞ", "ss");
        text = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.FORMAT) {
                int lookAlike = c < 0x370 || c > 0x52F ? -1 : LOOK_ALIKES.indexOf(c); // Greek and Cyrillic only
                folded.append(lookAlike >= 0 && lookAlike % 2 == 0 ? LOOK_ALIKES.charAt(lookAlike + 1) : c);
            }
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() == 0) {
            return;
        }
        String read = digitsAsLetters(squeeze(word));
        word.setLength(0);
        for (String part : read.split(" ")) {
            if (!part.isEmpty()) {
                words.add(part);
            }
        }
    }

    /** Runs of three or more of one letter read once. */
    private static String squeeze(CharSequence word) {
        StringBuilder out = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            int run = 1;
            while (i + run < word.length() && word.charAt(i + run) == c) {
                run++;
            }
            int keep = run >= 3 && Character.isLetter(c) ? 1 : run;
            for (int k = 0; k < keep; k++) {
                out.append(c);
            }
            i += run;
        }
        return out.toString();
    }

    /**
     * A word of letters and digits: digits at either end dropped (stop2), digits inside read as the letters
     * they look like (st0p), other digits inside as a space (stop2end reads stop end).
     */
    private static String digitsAsLetters(String word) {
        boolean letters = false;
        boolean digits = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            letters |= Character.isLetter(c);
            digits |= c >= '0' && c <= '9';
        }
        if (!letters || !digits) {
            return word;
        }
        int start = 0;
        int end = word.length();
        while (start < end && Character.isDigit(word.charAt(start))) {
            start++;
        }
        while (end > start && Character.isDigit(word.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = word.charAt(i);
            out.append(switch (c) {
                case '0' -> 'o';
                case '1' -> 'i';
                case '3' -> 'e';
                case '4' -> 'a';
                case '5' -> 's';
                case '7' -> 't';
                default -> Character.isDigit(c) ? ' ' : c;
            });
        }
        return out.toString();
    }

    /**
     * Three or more single letters in a row are one spelled-out word, sentence ends and commas between them aside:
     * "s t o p", "S.T.O.P" and "S, T, O, P" read "stop".
     */
    private static List<String> joinSpelledOut(List<String> words) {
        List<String> out = null;
        int i = 0;
        while (i < words.size()) {
            StringBuilder spelled = new StringBuilder();
            int j = i;
            int last = i;
            while (j < words.size() && (isLetter(words.get(j))
                    || ((words.get(j).equals(BOUNDARY) || words.get(j).equals(PAUSE)) && spelled.length() > 0))) {
                if (isLetter(words.get(j))) {
                    spelled.append(words.get(j));
                    last = j + 1;
                }
                j++;
            }
            if (spelled.length() >= 3) {
                if (out == null) {
                    out = new ArrayList<>(words.subList(0, i));
                }
                out.add(spelled.toString());
                i = last;
            } else {
                if (out != null) {
                    out.add(words.get(i));
                }
                i++;
            }
        }
        return out == null ? words : out;
    }

    private static boolean isLetter(String word) {
        return word.length() == 1 && Character.isLetter(word.charAt(0));
    }
}
