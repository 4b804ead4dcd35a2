package org.consentry.content;

import java.util.HashSet;
import java.util.Set;
import org.consentry.ruledata.RuleDataFile;

/** Registrable domains (example.com, example.co.uk) of host names, with the common two-level public suffixes of {@value #FILE}. */
public final class Domains {

    public static final String FILE = "/org/consentry/rules/public-suffixes.tsv";

    private final Set<String> twoLevelSuffixes;

    private Domains(Set<String> twoLevelSuffixes) {
        this.twoLevelSuffixes = Set.copyOf(twoLevelSuffixes);
    }

    public static Domains load() {
        Set<String> suffixes = new HashSet<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(FILE).rows()) {
            suffixes.add(row.get("suffix"));
        }
        return new Domains(suffixes);
    }

    /** The registrable domain of a host: its last two labels, or three under a two-level suffix. */
    public String registrable(String host) {
        String[] labels = host.split("\\.");
        if (labels.length <= 2) {
            return host;
        }
        String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
        if (twoLevelSuffixes.contains(lastTwo)) {
            return labels[labels.length - 3] + "." + lastTwo;
        }
        return lastTwo;
    }

    /** True when the host is the domain or one of its subdomains. */
    public static boolean within(String host, String domain) {
        int at = host.length() - domain.length();
        return host.endsWith(domain) && (at == 0 || (at > 0 && host.charAt(at - 1) == '.'));
    }
}
