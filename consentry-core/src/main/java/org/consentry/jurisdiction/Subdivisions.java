package org.consentry.jurisdiction;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consentry.ruledata.RuleDataFile;

/**
 * The codes of the US states, district and outlying areas and of the Canadian provinces and territories, from
 * {@value #FILE}: the only codes a recipient's state may be. A code the file does not know names no state.
 */
public final class Subdivisions {

    public static final String FILE = "/org/consentry/rules/subdivisions.tsv";
    /** Regions of their own in the numbering plan that are part of the United States (ISO 3166-2:US outlying areas). */
    private static final Set<String> US_REGIONS = Set.of("US", "AS", "GU", "MP", "PR", "UM", "VI");

    private final Map<String, String> countries;
    private final Map<String, List<ZoneId>> zones;

    private Subdivisions(Map<String, String> countries, Map<String, List<ZoneId>> zones) {
        this.countries = Map.copyOf(countries);
        this.zones = Map.copyOf(zones);
    }

    public static Subdivisions load() {
        Map<String, String> countries = new HashMap<>();
        Map<String, List<ZoneId>> zones = new HashMap<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(FILE).rows()) {
            String code = row.get("code");
            if (!code.matches("[A-Z]{2}")) {
                throw row.problem("code", "'" + code + "' is not a two-letter code");
            }
            String country = row.get("country");
            if (!country.equals("US") && !country.equals("CA")) {
                throw row.problem("country", "'" + country + "' is not US or CA");
            }
            if (countries.put(code, country) != null) {
                throw row.problem("code", code + " appears twice");
            }
            zones.put(code, ZoneLookup.zones(row));
        }
        return new Subdivisions(countries, zones);
    }

    /** The time zones of a known code (upper case), else an empty list. */
    public List<ZoneId> zonesOf(String code) {
        return code == null ? List.of() : zones.getOrDefault(code, List.of());
    }

    /** US or CA for a known code (upper case), else null. */
    public String countryOf(String code) {
        return code == null ? null : countries.get(code);
    }

    /** True when the code names a state, district, territory or province of the recipient's region (US territories count as the US). */
    public boolean isOf(String code, String region) {
        String country = countryOf(code);
        return country != null && region != null && country.equals(US_REGIONS.contains(region) ? "US" : region);
    }

    /** US or CA for a region whose recipients may be placed in a state or province, else null. */
    public static String countryOfRegion(String region) {
        if (region == null) {
            return null;
        }
        return US_REGIONS.contains(region) ? "US" : "CA".equals(region) ? "CA" : null;
    }
}
