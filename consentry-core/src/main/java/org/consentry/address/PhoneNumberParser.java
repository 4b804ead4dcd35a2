package org.consentry.address;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/**
 * Parses phone numbers as libphonenumber does: a number is accepted when libphonenumber parses it
 * (with the region as the default for national formats), finds it valid, and it has no extension.
 * Common NANP shapes go through {@link NanpFastPath}, which gives the same answer several times faster;
 * a property test holds the two to identical results.
 */
public final class PhoneNumberParser {

    private final PhoneNumberUtil util;
    private final NanpFastPath fastPath;

    public PhoneNumberParser() {
        this.util = PhoneNumberUtil.getInstance();
        this.fastPath = new NanpFastPath(util);
    }

    /** Whether {@code code} is an ISO 3166 region libphonenumber knows (any case): the regions a number may be read in. */
    public static boolean isRegion(String code) {
        return code != null && PhoneNumberUtil.getInstance().getSupportedRegions().contains(code.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * @param raw           the number as given, in any common format
     * @param defaultRegion ISO 3166 region for numbers written without a country code, e.g. {@code US}
     * @return the number, or empty when it is not a valid phone number
     */
    public Optional<PhoneNumber> parse(String raw, String defaultRegion) {
        NanpFastPath.Answer answer = fastPath.parse(raw, defaultRegion);
        if (answer.decided()) {
            return Optional.ofNullable(answer.number());
        }
        return parseWithLibphonenumber(raw, defaultRegion);
    }

    /**
     * As {@link #parse(String, String)}, given {@code national}, what {@link #nanpNational} read in {@code raw} with
     * {@code defaultRegion}: a caller that read it already (to touch the number's tables) does not read it again.
     */
    public Optional<PhoneNumber> parse(String raw, String defaultRegion, long national) {
        NanpFastPath.Answer answer = fastPath.parseNational(national);
        if (answer.decided()) {
            return Optional.ofNullable(answer.number());
        }
        return parseWithLibphonenumber(raw, defaultRegion);
    }

    /**
     * Brings what {@link #parse} will read of {@code raw}'s prefix into the cache, and gives its ten-digit national
     * number when it is a NANP number the fast path reads (else -1); what was read is added to {@code touched[0]}.
     * Parsing many numbers one after the other waits on memory once per number (the prefix table holds 8 million
     * entries); touching them all first lets those waits overlap.
     */
    public long touch(String raw, String defaultRegion, long[] touched) {
        return fastPath.touch(raw, defaultRegion, touched);
    }

    /** The ten-digit national number of a NANP number the fast path reads in {@code raw}, else -1; nothing is touched. */
    public long nanpNational(String raw, String defaultRegion) {
        return fastPath.national(raw, defaultRegion);
    }

    /** As {@link #touch(String, String, long[])} for a national number already read ({@link #nanpNational}; -1: none). */
    public int touch(long national) {
        return fastPath.touch(national);
    }

    /** The reference behaviour, without the fast path. */
    public Optional<PhoneNumber> parseWithLibphonenumber(String raw, String defaultRegion) {
        if (raw == null) {
            return Optional.empty();
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = util.parse(raw, defaultRegion);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        if (parsed.hasExtension() || !util.isValidNumber(parsed)) {
            return Optional.empty();
        }
        return Optional.of(new PhoneNumber(
                util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164),
                parsed.getCountryCode(),
                parsed.getNationalNumber(),
                util.getRegionCodeForNumber(parsed)));
    }
}
