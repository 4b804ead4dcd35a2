package org.consentry.jurisdiction;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
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
 * the rules must then hold in each. Outside the NANP, a number of a country that spans several zones
 * ({@value #COUNTRY_FILE}) that carries no place (a mobile or other non-geographic number, which the mapper
 * still gives one zone, or one the mapper places only by its country code) may ring in every zone of its
 * country, and gets them all. When the mapper knows only the country code otherwise, the zone is unknown: an
 * empty list. NANP answers are memoised per exchange (NPA-NXX), the depth of the mapper's data for +1.
 */
public final class ZoneLookup {

    public static final String SPLIT_FILE = "/org/consentry/rules/area-code-zones.tsv";
    public static final String COUNTRY_FILE = "/org/consentry/rules/country-zones.tsv";
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
    /** Every zone of each country that spans several (none for +1), by ISO 3166 region. */
    private final Map<String, List<ZoneId>> countryZones;

    @SuppressWarnings("unchecked")
    private ZoneLookup(Map<Integer, List<ZoneId>> split, Map<String, List<ZoneId>> countryZones) {
        this.splitAreaCodes = new List[1000];
        split.forEach((code, zones) -> splitAreaCodes[code] = zones);
        this.countryZones = Map.copyOf(countryZones);
    }

    public static ZoneLookup load() {
        Map<Integer, List<ZoneId>> split = new HashMap<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(SPLIT_FILE).rows()) {
            String npa = row.get("npa");
            if (!npa.matches("[2-9]\\d\\d")) {
                throw row.problem("npa", "'" + npa + "' is not an area code");
            }
            split.put(Integer.parseInt(npa), zones(row));
        }
        Map<String, List<ZoneId>> countries = new HashMap<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(COUNTRY_FILE).rows()) {
            String region = row.get("region");
            if (!region.matches("[A-Z]{2}")) {
                throw row.problem("region", "'" + region + "' is not a region code");
            }
            if (countries.put(region, zones(row)) != null) {
                throw row.problem("region", region + " appears twice");
            }
        }
        return new ZoneLookup(split, countries);
    }

    /** The row's {@code zones} column: zone ids separated by commas (also read for {@link Subdivisions}). */
    static List<ZoneId> zones(RuleDataFile.Row row) {
        List<ZoneId> zones = new ArrayList<>();
        for (String name : row.get("zones").split(",")) {
            try {
                zones.add(ZoneId.of(name));
            } catch (DateTimeException e) {
                throw row.problem("zones", "'" + name + "' is not a time zone");
            }
        }
        return List.copyOf(zones);
    }

    /** The zones of a valid number; empty when unknown. */
    public List<ZoneId> zonesOf(PhoneNumber number) {
        if (!number.isNanp()) {
            return outsideNanp(number);
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

    /** Brings the memo of a NANP national number's exchange into the cache (see {@link RecipientResolver#touch}). */
    public int touch(long nationalNumber) {
        return nanpExchanges[(int) (nationalNumber / 10_000L)];
    }

    /**
     * A number of a country of one zone is where the mapper puts it; one of a country of several, when it carries
     * no place (only a geographic number does), may ring in any of them.
     */
    private List<ZoneId> outsideNanp(PhoneNumber number) {
        List<ZoneId> wholeCountry = number.region() == null ? null : countryZones.get(number.region());
        if (wholeCountry == null) {
            return lookup(number.countryCode(), number.nationalNumber());
        }
        if (!PhoneNumberUtil.getInstance().isNumberGeographical(parsed(number))) {
            return wholeCountry;
        }
        List<ZoneId> zones = lookup(number.countryCode(), number.nationalNumber());
        return zones.isEmpty() ? wholeCountry : zones;
    }

    /** The number as libphonenumber holds it, with the leading zero of the countries that keep one. */
    private static Phonenumber.PhoneNumber parsed(PhoneNumber number) {
        Phonenumber.PhoneNumber parsed = number(number.countryCode(), number.nationalNumber());
        String national = number.e164().substring(1 + Integer.toString(number.countryCode()).length());
        if (national.startsWith("0")) {
            parsed.setItalianLeadingZero(true);
            int zeros = 0;
            while (zeros < national.length() && national.charAt(zeros) == '0') {
                zeros++;
            }
            if (zeros > 1) {
                parsed.setNumberOfLeadingZeros(zeros);
            }
        }
        return parsed;
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
