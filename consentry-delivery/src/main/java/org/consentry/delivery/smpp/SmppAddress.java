package org.consentry.delivery.smpp;

import java.util.regex.Pattern;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;

/**
 * A submit_sm's source or destination address with its type of number and numbering plan. A recipient is an E.164 number
 * (international, ISDN, digits without the {@code +}); a sender is an E.164 number, a short code (3 to 8 digits: type
 * unknown, ISDN, for the SMSC to place), or an alphanumeric sender id of up to 11 characters (alphanumeric, plan unknown).
 */
record SmppAddress(TypeOfNumber ton, NumberingPlanIndicator npi, String address) {

    private static final Pattern E164 = Pattern.compile("\\+?[1-9][0-9]{6,14}");
    private static final Pattern SHORT_CODE = Pattern.compile("[0-9]{3,8}");
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9 .&_-]{1,11}");

    /** The address of a recipient; an {@link IllegalArgumentException} saying why when it is not an E.164 number. */
    static SmppAddress recipient(String to) {
        String number = to == null ? "" : to.strip();
        if (!E164.matcher(number).matches()) {
            throw new IllegalArgumentException("not an E.164 number SMPP can deliver to: " + to);
        }
        return new SmppAddress(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, digits(number));
    }

    /** The address a message is sent from; empty (the SMSC's default) when none is given. */
    static SmppAddress sender(String from) {
        String sender = from == null ? "" : from.strip();
        if (sender.isEmpty()) {
            return new SmppAddress(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "");
        }
        if (sender.startsWith("+") && E164.matcher(sender).matches()) {
            return new SmppAddress(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, digits(sender));
        }
        if (SHORT_CODE.matcher(sender).matches() || E164.matcher(sender).matches()) {
            return new SmppAddress(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, sender);
        }
        if (ALPHANUMERIC.matcher(sender).matches() && sender.chars().anyMatch(Character::isLetter)) {
            return new SmppAddress(TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, sender);
        }
        throw new IllegalArgumentException("not a sender SMPP can carry (an E.164 number, a short code, or up to 11 letters"
                + " and digits): " + from);
    }

    /**
     * A handset's or a tenant's number as an SMSC gave it in a deliver_sm: {@code +} and its digits when it is a full
     * number (international, or longer than a short code), the address as given otherwise (a short code, a name).
     */
    static String phoneNumber(byte ton, String address) {
        String given = address == null ? "" : address.strip();
        String digits = digits(given);
        boolean allDigits = !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (allDigits && (given.startsWith("+") || ton == TypeOfNumber.INTERNATIONAL.value() || digits.length() > 8)) {
            return "+" + digits;
        }
        return given;
    }

    private static String digits(String number) {
        return number.startsWith("+") ? number.substring(1) : number;
    }
}
