package org.consentry.recipient;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.consentry.address.Address;
import org.consentry.address.EmailAddress;
import org.consentry.address.EmailAddressParser;
import org.consentry.address.PhoneNumber;
import org.consentry.address.PhoneNumberParser;
import org.consentry.jurisdiction.AreaCodes;
import org.consentry.jurisdiction.CountryDomains;
import org.consentry.jurisdiction.Subdivisions;
import org.consentry.jurisdiction.ZoneLookup;
import org.consentry.policy.Channel;

/**
 * Turns a raw {@code to} into a {@link Recipient}: a phone number for phone channels, an email address for
 * email; then places it: its country and state (from the number's area code unless the request or the
 * contact record says otherwise; for email the contact's country, else the ccTLD, else the tenant's), its
 * time zones and its line type. A state that is not one of the recipient's country ({@link Subdivisions}) is not
 * trusted: the area code places the number, and an email address is then in an unknown state (every state's rules
 * apply).
 */
public final class RecipientResolver {

    private static final Set<Integer> TOLL_FREE = Set.of(800, 833, 844, 855, 866, 877, 888);

    private final PhoneNumberParser phones;
    private final EmailAddressParser emails;
    private final ZoneLookup zones;
    private final AreaCodes areaCodes;
    private final CountryDomains domains;
    private final Subdivisions states;

    public RecipientResolver(PhoneNumberParser phones, EmailAddressParser emails, ZoneLookup zones, AreaCodes areaCodes,
                             CountryDomains domains, Subdivisions states) {
        this.phones = phones;
        this.emails = emails;
        this.zones = zones;
        this.areaCodes = areaCodes;
        this.domains = domains;
        this.states = states;
    }

    /** With the bundled data. */
    public static RecipientResolver load() {
        return new RecipientResolver(new PhoneNumberParser(), new EmailAddressParser(), ZoneLookup.load(), AreaCodes.load(),
                CountryDomains.load(), Subdivisions.load());
    }

    /** The address of {@code raw} for the channel, or empty when it is not one. */
    public Optional<Address> parse(Channel channel, String raw, String countryHint) {
        if (channel.isPhone()) {
            return phones.parse(raw, countryHint).map(Address.class::cast);
        }
        return emails.parse(raw).map(Address.class::cast);
    }

    /** As {@link #parse(Channel, String, String)}, given the national number {@link #touchAll} read in {@code raw}. */
    public Optional<Address> parse(Channel channel, String raw, String countryHint, long national) {
        if (channel.isPhone()) {
            return phones.parse(raw, countryHint, national).map(Address.class::cast);
        }
        return emails.parse(raw).map(Address.class::cast);
    }

    /**
     * Brings into the cache what {@link #parse} and {@link #place} will read of a phone number's tables (its
     * prefix's validity, its exchange's zones), and adds what it read to {@code touched[0]}: for many recipients at
     * once, touching them all first lets their waits on memory overlap.
     */
    public void touch(Channel channel, String raw, String countryHint, long[] touched) {
        if (channel.isPhone()) {
            long national = phones.touch(raw, countryHint, touched);
            if (national >= 0) {
                touched[0] += zones.touch(national);
            }
        }
    }

    /**
     * As {@link #touch} for many recipients: their numbers are read first, then the tables are touched in a loop that
     * does nothing else, so that the processor keeps those loads in flight together (a loop that reads a number between
     * two loads keeps only a few). Each number's national number (-1: none the fast path reads) is left in
     * {@code nationals}, for {@link #parse(Channel, String, String, long)}. The answer means nothing.
     */
    public long touchAll(Channel channel, String[] raws, String countryHint, int count, long[] nationals) {
        if (!channel.isPhone()) {
            return 0;
        }
        for (int i = 0; i < count; i++) {
            nationals[i] = phones.nanpNational(raws[i], countryHint);
        }
        long touched = 0;
        for (int i = 0; i < count; i++) {
            touched += nationals[i] < 0 ? 0 : phones.touch(nationals[i]) + zones.touch(nationals[i]);
        }
        return touched;
    }

    public Recipient resolve(Channel channel, String raw, String countryHint) {
        return resolve(channel, raw, countryHint, Placement.NONE);
    }

    public Recipient resolve(Channel channel, String raw, String countryHint, Placement placement) {
        return parse(channel, raw, countryHint).map(address -> place(raw, address, placement))
                .orElseGet(() -> Recipient.invalid(raw));
    }

    public Recipient place(String raw, Address address, Placement placement) {
        if (address instanceof PhoneNumber) {
            PhoneNumber number = (PhoneNumber) address;
            String country = number.region();
            Set<String> subdivisions = Set.of();
            List<ZoneId> numberZones = zones.zonesOf(number);
            if (isPlacedBySubdivision(country)) {
                Set<String> ofAreaCode = areaCodes.subdivisionsOf(number.areaCode());
                if (states.isOf(placement.state(), country)) {
                    subdivisions = Set.of(placement.state());
                    if (!ofAreaCode.contains(placement.state())) {
                        // the recipient is said to be elsewhere than the area code: its local time there binds too
                        numberZones = union(numberZones, states.zonesOf(placement.state()));
                    }
                } else {
                    subdivisions = ofAreaCode;
                }
            }
            return new Recipient(raw, number, numberZones, country, subdivisions, lineTypeOf(number).stricter(placement.lineType()));
        }
        EmailAddress email = (EmailAddress) address;
        String country = placement.country() != null ? placement.country() : domains.countryOf(email.domain());
        if (country == null) {
            country = placement.fallbackCountry();
        }
        Set<String> subdivisions = isPlacedBySubdivision(country) && states.isOf(placement.state(), country)
                ? Set.of(placement.state()) : Set.of();
        return new Recipient(raw, email, List.of(), country, subdivisions, LineType.UNKNOWN);
    }

    /**
     * Every zone of both lists, or none when the number's zones are unknown: a number whose zone is unknown waits
     * without a time, whatever its state.
     */
    private static List<ZoneId> union(List<ZoneId> numberZones, List<ZoneId> stateZones) {
        if (numberZones.isEmpty() || numberZones.containsAll(stateZones)) {
            return numberZones;
        }
        List<ZoneId> union = new ArrayList<>(numberZones);
        for (ZoneId zone : stateZones) {
            if (!union.contains(zone)) {
                union.add(zone);
            }
        }
        return List.copyOf(union);
    }

    /** The US (its outlying areas too: a Puerto Rican number may be said to be in Florida) and Canada. */
    private static boolean isPlacedBySubdivision(String country) {
        return Subdivisions.countryOfRegion(country) != null;
    }

    private LineType lineTypeOf(PhoneNumber number) {
        if (number.isNanp()) {
            return TOLL_FREE.contains(number.areaCode()) ? LineType.TOLL_FREE : LineType.UNKNOWN;
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = PhoneNumberUtil.getInstance().parse(number.e164(), null);
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return LineType.UNKNOWN;
        }
        switch (PhoneNumberUtil.getInstance().getNumberType(parsed)) {
            case MOBILE: return LineType.MOBILE;
            case FIXED_LINE: return LineType.LANDLINE;
            case TOLL_FREE: return LineType.TOLL_FREE;
            case VOIP: return LineType.VOIP;
            default: return LineType.UNKNOWN;
        }
    }
}
