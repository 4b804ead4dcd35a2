package org.consentry.recipient;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.consentry.address.Address;
import org.consentry.address.EmailAddress;
import org.consentry.address.PhoneNumber;

/**
 * A recipient as resolved for the rules.
 *
 * @param raw          the address as the request gave it
 * @param address      the parsed address; null when it is not a valid address for the channel
 * @param zones        the time zones it may be reached in; empty when unknown (and always for email)
 * @param country      the ISO 3166 region whose law applies (from the number, or for email the contact's
 *                     country, the ccTLD or the tenant's country); null when unknown
 * @param subdivisions the US states or Canadian provinces whose law applies; empty when unknown, in which
 *                     case every state pack of the country applies
 * @param lineType     what kind of line a phone number is, the stricter of every source; UNKNOWN otherwise
 */
public record Recipient(String raw, Address address, List<ZoneId> zones, String country, Set<String> subdivisions,
                        LineType lineType) {

    public Recipient {
        Objects.requireNonNull(raw, "raw");
        zones = List.copyOf(zones);
        subdivisions = Set.copyOf(subdivisions);
        lineType = lineType == null ? LineType.UNKNOWN : lineType;
    }

    public static Recipient invalid(String raw) {
        return new Recipient(raw, null, List.of(), null, Set.of(), LineType.UNKNOWN);
    }

    public boolean valid() {
        return address != null;
    }

    /** The phone number, or null when the recipient is not a valid phone number. */
    public PhoneNumber phone() {
        return address instanceof PhoneNumber ? (PhoneNumber) address : null;
    }

    /** The email address, or null when the recipient is not a valid email address. */
    public EmailAddress email() {
        return address instanceof EmailAddress ? (EmailAddress) address : null;
    }

    /** The canonical address (E.164 or lower-cased email), or null when invalid. */
    public String key() {
        return address == null ? null : address.canonical();
    }

    /** True when the recipient is in this country and, if subdivisions are named, in one of them (or in an unknown one). */
    public boolean isIn(Set<String> countries, Set<String> inSubdivisions) {
        if (country == null || !countries.contains(country)) {
            return false;
        }
        if (inSubdivisions.isEmpty() || subdivisions.isEmpty()) {
            return true;
        }
        for (String subdivision : subdivisions) {
            if (inSubdivisions.contains(subdivision)) {
                return true;
            }
        }
        return false;
    }
}
