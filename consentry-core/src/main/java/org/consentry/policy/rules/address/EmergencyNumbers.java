package org.consentry.policy.rules.address;

import com.google.i18n.phonenumbers.ShortNumberInfo;
import java.util.HashMap;
import java.util.Map;
import org.consentry.ruledata.RuleDataFile;

/**
 * Emergency and N11 service numbers. The numbers of the data file are emergency lines wherever they are
 * dialled (a bulk sender has no business with 112 in any country); libphonenumber's short-number data adds
 * each region's own (15, 17 and 18 in France...). A number is matched as dialled, with or without a
 * country code or the NANP trunk prefix 1.
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
        for (int cc = 1; cc <= 3 && cc < dialled.length(); cc++) {
            boolean trunk = !international && cc == 1 && dialled.charAt(0) == '1';
            if (international || trunk) {
                service = numbers.get(dialled.substring(cc));
                if (service != null) {
                    return service;
                }
            }
        }
        if (!international && region != null && shortNumbers.connectsToEmergencyNumber(dialled, region)) {
            return "emergency services (" + region + ")";
        }
        return null;
    }
}
