package org.consentry.jurisdiction;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.consentry.ruledata.RuleDataFile;

/** The US states and Canadian provinces of NANP area codes, from {@value #FILE}. */
public final class AreaCodes {

    public static final String FILE = "/org/consentry/rules/nanp-area-codes.tsv";

    /** Indexed by area code (every placement reads it: an array, not a map); null where the table has no row. */
    private final Set<String>[] subdivisions;

    @SuppressWarnings("unchecked")
    private AreaCodes(Map<Integer, Set<String>> byCode) {
        this.subdivisions = new Set[1000];
        byCode.forEach((code, codes) -> subdivisions[code] = codes);
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
        Set<String> codes = areaCode >= 0 && areaCode < 1000 ? subdivisions[areaCode] : null;
        return codes == null ? Set.of() : codes;
    }

    /** True when the table lists the code at all (placed or not). */
    public boolean knows(int areaCode) {
        return areaCode >= 0 && areaCode < 1000 && subdivisions[areaCode] != null;
    }
}
