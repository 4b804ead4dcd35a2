package org.consentry.server.api.v1;

import java.util.Locale;
import org.consentry.address.PhoneNumber;
import org.consentry.address.PhoneNumberParser;
import org.consentry.jurisdiction.Subdivisions;
import org.consentry.server.http.JsonBody;

/**
 * Reads a recipient's {@code state}: the code of a US state, district or outlying area or of a Canadian province
 * or territory, of the recipient's own country where its address says which (a phone number's region; for an email
 * address the {@code country} the body names). Anything else is a 400 naming the field: a code that names no
 * state of the recipient would turn off every state rule.
 */
final class StateField {

    static final String KNOWN = "must be the code of a US state, district or territory or of a Canadian province or territory, such as FL";

    private final Subdivisions states;
    private final PhoneNumberParser phones;

    StateField(Subdivisions states, PhoneNumberParser phones) {
        this.states = states;
        this.phones = phones;
    }

    /** The state in upper case, or null when absent or refused (with the field rejected). */
    String read(JsonBody body, String field, String address, String region) {
        String raw = body.optionalString(field, 2);
        if (raw == null) {
            return null;
        }
        String code = raw.toUpperCase(Locale.ROOT);
        String country = states.countryOf(code);
        if (country == null) {
            body.reject(field, KNOWN);
            return null;
        }
        String recipientRegion = regionOf(address, region);
        if (recipientRegion == null) {
            return code;
        }
        String recipientCountry = Subdivisions.countryOfRegion(recipientRegion);
        if (recipientCountry == null) {
            body.reject(field, "applies only to recipients in the US or Canada; " + address + " is in " + recipientRegion);
            return null;
        }
        if (!recipientCountry.equals(country)) {
            body.reject(field, "'" + code + "' is not in " + recipientCountry + ", the country of " + address);
            return null;
        }
        return code;
    }

    /** A phone number's region; for an email address the region the body names; null when not known. */
    private String regionOf(String address, String region) {
        if (address == null) {
            return null;
        }
        if (address.indexOf('@') >= 0) {
            return region;
        }
        return phones.parse(address, region == null ? "US" : region).map(PhoneNumber::region).orElse(null);
    }
}
