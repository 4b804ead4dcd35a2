package org.consentry.tenant;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.consentry.ruledata.RuleDataFile;

/**
 * The industries a provider refuses as tenants, from {@value #FILE}. An industry is matched word by word
 * ("Cannabis dispensary" is refused for "cannabis") and by adjacent pairs ("payday loans" for "payday_loans").
 */
public final class RestrictedIndustries {

    public static final String FILE = "/org/consentry/rules/restricted-industries.tsv";

    private final Map<String, String> categories;

    private RestrictedIndustries(Map<String, String> categories) {
        this.categories = Map.copyOf(categories);
    }

    public static RestrictedIndustries load() {
        RuleDataFile file = RuleDataFile.resource(FILE);
        Map<String, String> categories = new HashMap<>();
        for (RuleDataFile.Row row : file.rows()) {
            String term = row.get("term");
            if (!term.matches("[a-z0-9_]+")) {
                throw row.problem("term", "'" + term + "' must be lower-case words joined by _");
            }
            categories.put(term, row.get("category"));
        }
        return new RestrictedIndustries(categories);
    }

    /** The restricted category the industry falls in, or empty when it is allowed. */
    public Optional<String> categoryOf(String industry) {
        String[] words = industry.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        for (int i = 0; i < words.length; i++) {
            String category = categories.get(words[i]);
            if (category == null && i + 1 < words.length) {
                category = categories.get(words[i] + "_" + words[i + 1]);
            }
            if (category == null && i + 2 < words.length) {
                category = categories.get(words[i] + "_" + words[i + 1] + "_" + words[i + 2]);
            }
            if (category != null) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
