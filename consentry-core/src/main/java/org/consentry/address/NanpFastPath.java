package org.consentry.address;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The fast path for the NANP numbers that make up most traffic: {@code +13055550100},
 * {@code (305) 555-0100}, {@code 305.555.0100}, {@code 1-305-555-0100}. It reads the digits by hand and
 * takes validity and region from libphonenumber once per seven-digit prefix (NPA-NXX-X), which is the
 * depth of libphonenumber's NANP patterns: from a table computed ahead for the libphonenumber version in use
 * ({@link NanpPrefixTable}), else learnt the first time a prefix is met. A prefix whose samples disagree is
 * marked mixed and every number under it is validated in full. Anything it does not recognise is left to
 * libphonenumber.
 */
final class NanpFastPath {

    /** What the fast path concluded: a number, not a number, or "ask libphonenumber". */
    record Answer(boolean decided, PhoneNumber number) {
        static final Answer UNDECIDED = new Answer(false, null);
        static final Answer INVALID = new Answer(true, null);
    }

    /** libphonenumber's verdict on every number under one seven-digit prefix. */
    private record PrefixFacts(boolean valid, String region, boolean mixed) {
        static final PrefixFacts MIXED = new PrefixFacts(false, null, true);
        static final PrefixFacts INVALID = new PrefixFacts(false, null, false);
    }

    private static final int MAX_INPUT = 64;
    private static final long[] SAMPLE_SUFFIXES = {0, 999, 505};

    private final PhoneNumberUtil util;
    private final Set<String> nanpRegions;
    /** libphonenumber's answers for every prefix, computed ahead for its version ({@link NanpPrefixTable}); null when absent. */
    private final NanpPrefixTable table;
    private final PrefixFacts[] validIn;
    /** Indexed by area code; each array by the next four digits. Allocated when an area code is first seen. */
    private final AtomicReferenceArray<AtomicReferenceArray<PrefixFacts>> prefixes = new AtomicReferenceArray<>(1000);

    NanpFastPath(PhoneNumberUtil util) {
        this(util, NanpPrefixTable.bundled());
    }

    NanpFastPath(PhoneNumberUtil util, NanpPrefixTable table) {
        this.util = util;
        this.nanpRegions = util.getRegionCodesForCountryCode(1).isEmpty()
                ? Set.of() : Set.copyOf(util.getRegionCodesForCountryCode(1));
        this.table = table;
        this.validIn = new PrefixFacts[table == null ? 0 : table.regions().size()];
        for (int i = 0; i < validIn.length; i++) {
            validIn[i] = new PrefixFacts(true, table.regions().get(i), false);
        }
    }

    /** libphonenumber's verdict on a seven-digit prefix (its first number), learnt from three samples: for the table's generator. */
    int learnt(long prefixBase, java.util.List<String> regions) {
        PrefixFacts facts = learn(prefixBase);
        if (facts.mixed()) {
            return NanpPrefixTable.MIXED;
        }
        if (!facts.valid()) {
            return NanpPrefixTable.INVALID;
        }
        int index = regions.indexOf(facts.region());
        if (index < 0) {
            regions.add(facts.region());
            index = regions.size() - 1;
        }
        return NanpPrefixTable.VALID + index;
    }

    Answer parse(String raw, String defaultRegion) {
        return parseNational(nationalNumber(raw, defaultRegion));
    }

    /** As {@link #parse} for the national number it reads in the text ({@link #national}; -1: none). */
    Answer parseNational(long national) {
        if (national < 0) {
            return Answer.UNDECIDED;
        }
        PrefixFacts facts = factsFor(national);
        if (facts.mixed()) {
            return validateInFull(national);
        }
        if (!facts.valid()) {
            return Answer.INVALID;
        }
        return new Answer(true, new PhoneNumber(e164(national), 1, national, facts.region()));
    }

    /**
     * Brings the prefix table's byte for {@code raw} into the cache and gives its national number (-1 when the fast
     * path does not read it): see {@link PhoneNumberParser#touch}.
     */
    long touch(String raw, String defaultRegion, long[] touched) {
        long national = nationalNumber(raw, defaultRegion);
        touched[0] += touch(national);
        return national;
    }

    /** The national number the fast path reads in {@code raw}, or -1; nothing is touched. */
    long national(String raw, String defaultRegion) {
        return nationalNumber(raw, defaultRegion);
    }

    /** Brings the prefix table's byte for a national number (-1: none) into the cache; the answer means nothing. */
    int touch(long national) {
        return national >= 0 && table != null ? table.code((int) (national / 10_000_000L), (int) (national / 1_000L % 10_000L)) : 0;
    }

    /**
     * The ten-digit national number when {@code raw} is one of the recognised shapes, else -1.
     * Recognised: only digits and the separators space, hyphen, dot and parentheses, with an optional
     * leading plus; eleven digits starting with 1 after a plus; ten digits, or eleven starting with 1,
     * without one (and then only when the default region is a NANP region); the area code must start with 2-9.
     */
    private long nationalNumber(String raw, String defaultRegion) {
        if (raw == null) {
            return -1;
        }
        int length = raw.length();
        if (length == 0 || length > MAX_INPUT) {
            return -1;
        }
        boolean plus = raw.charAt(0) == '+';
        long digits = 0;
        int count = 0;
        for (int i = plus ? 1 : 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++count > 11) {
                    return -1;
                }
                digits = digits * 10 + (c - '0');
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return -1;
            }
        }
        if (count == 11 && digits / 10_000_000_000L == 1) {
            digits -= 10_000_000_000L;
        } else if (plus || count != 10) {
            return -1;
        }
        if (!plus && (defaultRegion == null || !nanpRegions.contains(defaultRegion))) {
            return -1;
        }
        if (digits < 2_000_000_000L) {
            // an area code starting with 0 or 1: libphonenumber reads such digits its own way (leading zeros
            // kept, seven-digit Canadian 310 numbers...), so it decides
            return -1;
        }
        return digits;
    }

    private PrefixFacts factsFor(long national) {
        int areaCode = (int) (national / 10_000_000L);
        int rest = (int) (national / 1_000L % 10_000L);
        if (table != null) {
            int code = table.code(areaCode, rest);
            if (code == NanpPrefixTable.MIXED) {
                return PrefixFacts.MIXED;
            }
            return code == NanpPrefixTable.INVALID ? PrefixFacts.INVALID : validIn[code - NanpPrefixTable.VALID];
        }
        AtomicReferenceArray<PrefixFacts> byArea = prefixes.get(areaCode);
        if (byArea == null) {
            prefixes.compareAndSet(areaCode, null, new AtomicReferenceArray<>(10_000));
            byArea = prefixes.get(areaCode);
        }
        PrefixFacts facts = byArea.get(rest);
        if (facts == null) {
            facts = learn(national - national % 1_000L);
            byArea.set(rest, facts);
        }
        return facts;
    }

    private PrefixFacts learn(long prefixBase) {
        PrefixFacts first = null;
        for (long suffix : SAMPLE_SUFFIXES) {
            PrefixFacts sample = libphonenumberFacts(prefixBase + suffix);
            if (first == null) {
                first = sample;
            } else if (!first.equals(sample)) {
                return PrefixFacts.MIXED;
            }
        }
        return first;
    }

    private PrefixFacts libphonenumberFacts(long national) {
        Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(1).setNationalNumber(national);
        // what isValidNumber does, without finding the region a second time (for +1 that tries some 25 regions)
        String region = util.getRegionCodeForNumber(number);
        if (region == null || !util.isValidNumberForRegion(number, region)) {
            return PrefixFacts.INVALID;
        }
        return new PrefixFacts(true, region, false);
    }

    private Answer validateInFull(long national) {
        PrefixFacts facts = libphonenumberFacts(national);
        return facts.valid() ? new Answer(true, new PhoneNumber(e164(national), 1, national, facts.region())) : Answer.INVALID;
    }

    private static String e164(long national) {
        return "+1" + national;
    }
}
