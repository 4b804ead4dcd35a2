package org.consentry.jurisdiction;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.consentry.ruledata.RuleDataFile;

/**
 * The country an email domain's top-level label names: {@code .de} is Germany, {@code .uk} the United
 * Kingdom. Country codes sold as generic names ({@code .io}, {@code .co}, {@code .tv}...) name no country;
 * they are listed in {@value #FILE}.
 */
public final class CountryDomains {

    public static final String FILE = "/org/consentry/rules/generic-cctlds.tsv";

    private final Set<String> countries = new HashSet<>(Arrays.asList(Locale.getISOCountries()));
    private final Set<String> generic;

    private CountryDomains(Set<String> generic) {
        this.generic = Set.copyOf(generic);
    }

    public static CountryDomains load() {
        Set<String> generic = new HashSet<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(FILE).rows()) {
            generic.add(row.get("tld"));
        }
        return new CountryDomains(generic);
    }

    /** The ISO 3166 code the domain's top-level label names, or null. */
    public String countryOf(String domain) {
        int dot = domain.lastIndexOf('.');
        String tld = (dot < 0 ? domain : domain.substring(dot + 1)).toLowerCase(Locale.ROOT);
        if (tld.length() != 2 || generic.contains(tld)) {
            return null;
        }
        String code = "uk".equals(tld) ? "GB" : tld.toUpperCase(Locale.ROOT);
        return countries.contains(code) ? code : null;
    }
}
