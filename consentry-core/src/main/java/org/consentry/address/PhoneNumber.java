package org.consentry.address;

/**
 * A valid phone number.
 *
 * @param e164           the number in E.164, e.g. {@code +13055550100}
 * @param countryCode    the calling code, e.g. 1
 * @param nationalNumber the national significant number, e.g. 3055550100
 * @param region         the ISO 3166 region libphonenumber assigns to it, e.g. {@code US}
 */
public record PhoneNumber(String e164, int countryCode, long nationalNumber, String region) implements Address {

    @Override public String canonical() {
        return e164;
    }

    /** True for numbers of the North American Numbering Plan (+1). */
    public boolean isNanp() {
        return countryCode == 1;
    }

    /** The NANP area code (NPA), e.g. 305; only meaningful for NANP numbers. */
    public int areaCode() {
        return (int) (nationalNumber / 10_000_000L);
    }
}
