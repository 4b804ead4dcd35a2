package org.consentry.inbound;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.consentry.ruledata.RuleDataFile;

/**
 * Recognises the CTIA keywords of {@value #FILE} in an SMS reply. A reply is a keyword when, ignoring case,
 * surrounding white space and surrounding punctuation ("Stop.", "HELP?"), it is exactly one of them.
 */
public final class KeywordParser {

    public static final String FILE = "/org/consentry/rules/sms-keywords.tsv";
    private static final String PUNCTUATION = ".,!?;:'\"()[]*-_~";

    private final Map<String, Keyword> keywords;

    private KeywordParser(Map<String, Keyword> keywords) {
        this.keywords = Map.copyOf(keywords);
    }

    public static KeywordParser load() {
        RuleDataFile file = RuleDataFile.resource(FILE);
        Map<String, Keyword> keywords = new HashMap<>();
        for (RuleDataFile.Row row : file.rows()) {
            String word = row.get("keyword").toUpperCase(Locale.ROOT);
            KeywordAction action;
            try {
                action = KeywordAction.valueOf(row.get("action").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.problem("action", "'" + row.get("action") + "' is not one of opt_out, opt_in, confirm, help");
            }
            if (keywords.put(word, new Keyword(word, action)) != null) {
                throw row.problem("keyword", "'" + word + "' appears twice");
            }
        }
        return new KeywordParser(keywords);
    }

    public Optional<Keyword> parse(String body) {
        if (body == null) {
            return Optional.empty();
        }
        int start = 0;
        int end = body.length();
        while (start < end && isTrimmable(body.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmable(body.charAt(end - 1))) {
            end--;
        }
        if (end - start > 16) {
            return Optional.empty();
        }
        return Optional.ofNullable(keywords.get(body.substring(start, end).toUpperCase(Locale.ROOT)));
    }

    private static boolean isTrimmable(char c) {
        return Character.isWhitespace(c) || PUNCTUATION.indexOf(c) >= 0;
    }
}
