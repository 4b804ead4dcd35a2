package org.consentry.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What makes a text marketing or advertising, as far as a message that must carry none can be read: sales words
 * ({@value #FILE}), prices and amounts (a currency symbol beside a number, or a currency's name), percentages,
 * and links. Words that are part of the sender's own brand name do not count.
 */
public final class SalesLanguage {

    public static final String FILE = "/org/consentry/rules/sales-language.tsv";

    private final Lexicon lexicon;

    SalesLanguage(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public static SalesLanguage load() {
        return new SalesLanguage(Lexicon.load(FILE, "term"));
    }

    /**
     * The sales language in a body, in the order found: words and phrases, then amounts and percentages as
     * written, then links. Empty when there is none.
     *
     * @param brand the sender's brand name, or null
     */
    public List<String> find(MessageContent content, String brand) {
        List<String> found = new ArrayList<>();
        List<String> brandWords = brand == null ? List.of() : Words.of(brand);
        for (Lexicon.Match match : lexicon.find(content)) {
            if (!found.contains(match.term()) && Collections.indexOfSubList(brandWords, Words.of(match.term())) < 0) {
                found.add(match.term());
            }
        }
        amounts(content.body(), found);
        for (Link link : content.links()) {
            found.add(link.url());
        }
        return found;
    }

    /** Adds each number written beside a currency symbol ("$5", "5 €") or a percent sign ("50%"). */
    private static void amounts(String body, List<String> found) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean currency = Character.getType(c) == Character.CURRENCY_SYMBOL;
            if (!currency && c != '%') {
                continue;
            }
            int before = numberEndingAt(body, i);
            if (before < i) {
                found.add(body.substring(before, i + 1).strip());
            } else if (currency) {
                int after = numberStartingAt(body, i + 1);
                if (after > i + 1) {
                    found.add(body.substring(i, after).strip());
                }
            }
        }
    }

    /** Where a number that ends just before {@code at} (a space between allowed) starts; {@code at} when none does. */
    private static int numberEndingAt(String body, int at) {
        int i = at;
        if (i > 0 && body.charAt(i - 1) == ' ') {
            i--;
        }
        int end = i;
        while (i > 0 && (Character.isDigit(body.charAt(i - 1)) || isSeparator(body, i - 1))) {
            i--;
        }
        while (i < end && !Character.isDigit(body.charAt(i))) {
            i++; // a separator does not start a number
        }
        return i < end ? i : at;
    }

    /** Where a number that starts at {@code from} (a space before it allowed) ends; {@code from} when none does. */
    private static int numberStartingAt(String body, int from) {
        int i = from;
        if (i < body.length() && body.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < body.length() && (Character.isDigit(body.charAt(i)) || i > start && isSeparator(body, i))) {
            i++;
        }
        while (i > start && !Character.isDigit(body.charAt(i - 1))) {
            i--; // nor ends it
        }
        return i > start ? i : from;
    }

    private static boolean isSeparator(String body, int at) {
        char c = body.charAt(at);
        return (c == '.' || c == ',') && at + 1 < body.length() && Character.isDigit(body.charAt(at + 1));
    }
}
