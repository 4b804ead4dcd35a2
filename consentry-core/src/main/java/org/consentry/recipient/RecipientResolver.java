package org.consentry.recipient;

import java.util.List;
import java.util.Optional;
import org.consentry.address.EmailAddress;
import org.consentry.address.EmailAddressParser;
import org.consentry.address.PhoneNumber;
import org.consentry.address.PhoneNumberParser;
import org.consentry.jurisdiction.ZoneLookup;
import org.consentry.policy.Channel;

/** Turns a raw {@code to} into a {@link Recipient}: a phone number for phone channels, an email address for email. */
public final class RecipientResolver {

    private final PhoneNumberParser phones;
    private final EmailAddressParser emails;
    private final ZoneLookup zones;

    public RecipientResolver(PhoneNumberParser phones, EmailAddressParser emails, ZoneLookup zones) {
        this.phones = phones;
        this.emails = emails;
        this.zones = zones;
    }

    public RecipientResolver() {
        this(new PhoneNumberParser(), new EmailAddressParser(), new ZoneLookup());
    }

    public Recipient resolve(Channel channel, String raw, String countryHint) {
        if (channel.isPhone()) {
            Optional<PhoneNumber> number = phones.parse(raw, countryHint);
            return number.map(n -> new Recipient(raw, n, zones.zonesOf(n))).orElseGet(() -> Recipient.invalid(raw));
        }
        Optional<EmailAddress> email = emails.parse(raw);
        return email.map(e -> new Recipient(raw, e, List.of())).orElseGet(() -> Recipient.invalid(raw));
    }
}
