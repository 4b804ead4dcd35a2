package org.consentry.jurisdiction;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.Phonenumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.address.PhoneNumber;
import org.consentry.ruledata.RuleDataFile;

/**
 * The time zones a phone number may ring in, from libphonenumber's time-zone mapper, and for the area codes
 * that span zones (or that the mapper splits by exchange) every zone of the code, from {@value #SPLIT_FILE}:
 * the rules must then hold in each. When the mapper knows only the country and the country spans several
 * zones, the zone is unknown: an empty list. NANP answers are memoised per exchange (NPA-NXX), the depth
 * of the mapper's data for +1.
 */
public final class ZoneLookup {

    public static final String SPLIT_FILE = "/org/consentry/rules/area-code-zones.tsv";
    private static final String UNKNOWN = "Etc/Unknown";

    private final PhoneNumberToTimeZonesMapper mapper = PhoneNumberToTimeZonesMapper.getInstance();
    /**
     * Per NANP exchange (NPA-NXX), 1 + the index in {@link #zoneLists} of its zones, 0 while not yet asked: a
     * megabyte that stays in the processor's cache, where an array of references would be four and miss.
     */
    private final byte[] nanpExchanges = new byte[1_000_000];
    private final List<List<ZoneId>> zoneLists = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Indexed by area code: every zone of a code that spans several, else null. */
    private final List<ZoneId>[] splitAreaCodes;
    private final Map<Integer, List<String>> countryWide = new ConcurrentHashMap<>();
    private final Map<List<String>, List<ZoneId>> interned = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private ZoneLookup(Map<Integer, List<ZoneId>> split) {
        this.splitAreaCodes = new List[1000];
        split.forEach((code, zones) -> splitAreaCodes[code] = zones);
    }

    public static ZoneLookup load() {
        Map<Integer, List<ZoneId>> split = new HashMap<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(SPLIT_FILE).rows()) {
            String npa = row.get("npa");
            if (!npa.matches("[2-9]\\d\\d")) {
                throw row.problem("npa", "'" + npa + "' is not an area code");
            }
            List<ZoneId> zones = new ArrayList<>();
            for (String name : row.get("zones").split(",")) {
                try {
                    zones.add(ZoneId.of(name));
                } catch (DateTimeException e) {
                    throw row.problem("zones", "'" + name + "' is not a time zone");
                }
            }
            split.put(Integer.parseInt(npa), List.copyOf(zones));
        }
        return new ZoneLookup(split);
    }

    /** The zones of a valid number; empty when unknown. */
    public List<ZoneId> zonesOf(PhoneNumber number) {
        if (!number.isNanp()) {
            return lookup(number.countryCode(), number.nationalNumber());
        }
        int areaCode = number.areaCode();
        List<ZoneId> split = areaCode >= 0 && areaCode < 1000 ? splitAreaCodes[areaCode] : null;
        if (split != null) {
            return split;
        }
        int exchange = (int) (number.nationalNumber() / 10_000L);
        int known = nanpExchanges[exchange] & 0xff;
        // the byte may be seen before the list it names (plain array, several threads): then look it up again
        if (known != 0 && known <= zoneLists.size()) {
            return zoneLists.get(known - 1);
        }
        List<ZoneId> zones = lookup(1, number.nationalNumber());
        nanpExchanges[exchange] = (byte) (indexOf(zones) + 1);
        return zones;
    }

    /** The index of an interned list of zones (a few dozen distinct lists exist for +1). */
    private synchronized int indexOf(List<ZoneId> zones) {
        int index = zoneLists.indexOf(zones);
        if (index < 0) {
            if (zoneLists.size() >= 255) {
                throw new IllegalStateException("more than 255 distinct zone lists for +1 numbers");
            }
            zoneLists.add(zones);
            index = zoneLists.size() - 1;
        }
        return index;
    }

    private List<ZoneId> lookup(int countryCode, long nationalNumber) {
        List<String> names = mapper.getTimeZonesForGeographicalNumber(number(countryCode, nationalNumber));
        if (names.isEmpty() || names.contains(UNKNOWN)) {
            return List.of();
        }
        List<String> wholeCountry = countryWide.computeIfAbsent(countryCode,
                code -> mapper.getTimeZonesForGeographicalNumber(number(code, 0)));
        if (wholeCountry.size() > 1 && names.equals(wholeCountry)) {
            return List.of();
        }
        return interned.computeIfAbsent(List.copyOf(names), ZoneLookup::toZones);
    }

    private static List<ZoneId> toZones(List<String> names) {
        List<ZoneId> zones = new ArrayList<>(names.size());
        for (String name : names) {
            zones.add(ZoneId.of(name));
        }
        return List.copyOf(zones);
    }

    private static Phonenumber.PhoneNumber number(int countryCode, long nationalNumber) {
        return new Phonenumber.PhoneNumber().setCountryCode(countryCode).setNationalNumber(nationalNumber);
    }
}
