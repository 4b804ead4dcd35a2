package org.consentry.policy.rules.address;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import java.util.HashMap;
import java.util.Map;
import org.consentry.ruledata.RuleDataFile;

/**
 * Emergency and N11 service numbers. The numbers of the data file are emergency lines wherever they are
 * dialled (a bulk sender has no business with 112 in any country); libphonenumber's short-number data adds
 * each region's own (15, 17 and 18 in France...). A number is matched as dialled, with or without a
 * country code (after +, or after the international prefix 00 or 011) or the NANP trunk prefix 1; behind a
 * country code, that country's own emergency numbers count too (+33 17, 0049 110).
 */
public final class EmergencyNumbers {

    public static final String FILE = "/org/consentry/rules/emergency-numbers.tsv";
    /** Longer than any emergency number with a country code in front of it. */
    private static final int MAX_DIGITS = 9;

    private final Map<String, String> numbers;
    private final String version;
    private final ShortNumberInfo shortNumbers = ShortNumberInfo.getInstance();

    private EmergencyNumbers(Map<String, String> numbers, String version) {
        this.numbers = Map.copyOf(numbers);
        this.version = version;
    }

    public static EmergencyNumbers load() {
        RuleDataFile file = RuleDataFile.resource(FILE);
        Map<String, String> numbers = new HashMap<>();
        for (RuleDataFile.Row row : file.rows()) {
            String number = row.get("number");
            if (!number.chars().allMatch(Character::isDigit)) {
                throw row.problem("number", "'" + number + "' is not all digits");
            }
            numbers.put(number, row.get("service"));
        }
        return new EmergencyNumbers(numbers, file.version());
    }

    public String version() {
        return version;
    }

    /** True when {@code raw} has more digits than any emergency or N11 number: {@link #serviceOf} is null for it. */
    public static boolean tooLongForAny(String raw) {
        return digitCount(raw) > MAX_DIGITS;
    }

    private static int digitCount(String raw) {
        int count = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            count += c >= '0' && c <= '9' ? 1 : 0;
        }
        return count;
    }

    /** What the number reaches when it is an emergency or N11 service, else null. */
    public String serviceOf(String raw, String region) {
        if (raw == null || digitCount(raw) > MAX_DIGITS) {
            return null; // a full number: no emergency number is that long (and nothing to build for it)
        }
        StringBuilder digits = new StringBuilder(MAX_DIGITS + 1);
        boolean international = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                if (digits.length() > MAX_DIGITS) {
                    return null;
                }
            } else if (c == '+' && digits.length() == 0) {
                international = true;
            } else if (Character.isLetter(c)) {
                return null;
            }
        }
        String dialled = digits.toString();
        if (dialled.isEmpty()) {
            return null;
        }
        String service = numbers.get(dialled);
        if (service != null) {
            return service;
        }
        if (!international) {
            // 00 (most of the world) or 011 (the NANP) dials abroad as + does: 0033 112 is +33 112
            String abroad = afterInternationalPrefix(dialled);
            if (abroad != null) {
                service = numbers.get(abroad);
                if (service != null) {
                    return service;
                }
                dialled = abroad;
                international = true;
            }
        }
        for (int cc = 1; cc <= 3 && cc < dialled.length(); cc++) {
            boolean trunk = !international && cc == 1 && dialled.charAt(0) == '1';
            if (international || trunk) {
                String rest = dialled.substring(cc);
                service = numbers.get(rest);
                if (service != null) {
                    return service;
                }
            }
            if (international) {
                // the country's own emergency numbers behind its country code: +33 15, 0033 17
                String owner = regionOwning(Integer.parseInt(dialled.substring(0, cc)), dialled.substring(cc));
                if (owner != null) {
                    return "emergency services (" + owner + ")";
                }
            }
        }
        if (!international && region != null && shortNumbers.connectsToEmergencyNumber(dialled, region)) {
            return "emergency services (" + region + ")";
        }
        return null;
    }

    /** The digits after an international call prefix (00, or 011 from the NANP), or null when there is none. */
    private static String afterInternationalPrefix(String dialled) {
        if (dialled.startsWith("011") && dialled.length() > 3) {
            return dialled.substring(3);
        }
        if (dialled.startsWith("00") && dialled.length() > 2) {
            return dialled.substring(2);
        }
        return null;
    }

    /** The region of country code {@code countryCode} whose own emergency number {@code national} is, or null. */
    private String regionOwning(int countryCode, String national) {
        for (String region : PhoneNumberUtil.getInstance().getRegionCodesForCountryCode(countryCode)) {
            if (shortNumbers.connectsToEmergencyNumber(national, region)) {
                return region;
            }
        }
        return null;
    }
}
