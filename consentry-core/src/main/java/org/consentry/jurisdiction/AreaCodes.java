package org.consentry.jurisdiction;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.consentry.ruledata.RuleDataFile;

/** The US states and Canadian provinces of NANP area codes, from {@value #FILE}. */
public final class AreaCodes {

    public static final String FILE = "/org/consentry/rules/nanp-area-codes.tsv";

    private final Map<Integer, Set<String>> subdivisions;

    private AreaCodes(Map<Integer, Set<String>> subdivisions) {
        this.subdivisions = Map.copyOf(subdivisions);
    }

    public static AreaCodes load() {
        RuleDataFile file = RuleDataFile.resource(FILE);
        Map<Integer, Set<String>> subdivisions = new HashMap<>();
        for (RuleDataFile.Row row : file.rows()) {
            String npa = row.get("npa");
            if (!npa.matches("[2-9]\\d\\d")) {
                throw row.problem("npa", "'" + npa + "' is not an area code");
            }
            String list = row.get("subdivisions");
            Set<String> codes = "-".equals(list) ? Set.of() : Set.of(list.split(","));
            for (String code : codes) {
                if (!code.matches("[A-Z]{2}")) {
                    throw row.problem("subdivisions", "'" + code + "' is not a two-letter code");
                }
            }
            if (subdivisions.put(Integer.parseInt(npa), codes) != null) {
                throw row.problem("npa", npa + " appears twice");
            }
        }
        return new AreaCodes(subdivisions);
    }

    /** The states or provinces an area code serves; empty when non-geographic or not known. */
    public Set<String> subdivisionsOf(int areaCode) {
        return subdivisions.getOrDefault(areaCode, Set.of());
    }

    /** True when the table lists the code at all (placed or not). */
    public boolean knows(int areaCode) {
        return subdivisions.containsKey(areaCode);
    }
}
