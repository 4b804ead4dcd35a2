package org.consentry.server.api.v1;

import java.util.Locale;
import java.util.Set;
import org.consentry.tenant.TenantProfile;
import org.consentry.address.EmailAddressParser;
import org.consentry.address.PhoneNumberParser;
import org.consentry.policy.Channel;
import org.consentry.server.http.JsonBody;

/**
 * Reads addresses in request bodies into their canonical form (E.164, or the lower-cased email), and
 * region hints into ISO 3166 codes that libphonenumber knows.
 */
final class Addresses {

    private static final Set<String> REGIONS = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions();

    private final PhoneNumberParser phones;
    private final EmailAddressParser emails;

    Addresses(PhoneNumberParser phones, EmailAddressParser emails) {
        this.phones = phones;
        this.emails = emails;
    }

    /** The region hint of a body ({@code country}), default US. */
    static String region(JsonBody body, String field) {
        return region(body, field, "US");
    }

    /**
     * The region hint of a tenant's body ({@code country}), default the tenant's country: a number its people write
     * without a country code (06 12 34 56 78 for a French tenant) is a number of that country, as on its hosted forms.
     */
    static String region(JsonBody body, String field, TenantProfile tenant) {
        return region(body, field, regionOf(tenant));
    }

    /** The region a tenant's numbers written without a country code are read in: its country, else US. */
    static String regionOf(TenantProfile tenant) {
        String country = tenant == null ? null : tenant.country();
        return isRegion(country) ? country.toUpperCase(Locale.ROOT) : "US";
    }

    private static String region(JsonBody body, String field, String fallback) {
        String country = body.optionalString(field, 2);
        if (country == null) {
            return fallback;
        }
        String upper = country.toUpperCase(Locale.ROOT);
        if (!REGIONS.contains(upper)) {
            body.reject(field, "must be an ISO 3166 country code such as US");
            return fallback;
        }
        return upper;
    }

    static boolean isRegion(String code) {
        return PhoneNumberParser.isRegion(code); // the command line's scrub asks the same
    }

    /** A phone number in E.164, or null (with the field rejected). */
    String phone(JsonBody body, String field, String raw, String region) {
        if (raw == null) {
            return null;
        }
        return phones.parse(raw, region).map(n -> n.e164()).orElseGet(() -> {
            body.reject(field, "'" + raw + "' is not a valid phone number");
            return null;
        });
    }

    String email(JsonBody body, String field, String raw) {
        if (raw == null) {
            return null;
        }
        return emails.parse(raw).map(e -> e.canonical()).orElseGet(() -> {
            body.reject(field, "'" + raw + "' is not a valid email address");
            return null;
        });
    }

    /** The address of a channel: an email address for email, a phone number for the rest. */
    String forChannel(JsonBody body, String field, String raw, Channel channel, String region) {
        return channel == Channel.EMAIL ? email(body, field, raw) : phone(body, field, raw, region);
    }

    /** Either kind: an email address when it has an @, else a phone number. */
    String either(JsonBody body, String field, String raw, String region) {
        if (raw == null) {
            return null;
        }
        return raw.indexOf('@') >= 0 ? email(body, field, raw) : phone(body, field, raw, region);
    }

    /** A query parameter address, or null when it is not one. */
    String either(String raw, String region) {
        if (raw == null) {
            return null;
        }
        return raw.indexOf('@') >= 0
                ? emails.parse(raw).map(e -> e.canonical()).orElse(null)
                : phones.parse(raw, region).map(n -> n.e164()).orElse(null);
    }
}
