package org.consentry.store.inbound;

import java.net.IDN;
import java.util.Locale;
import org.consentry.address.EmailAddress;
import org.consentry.address.EmailAddressParser;

/**
 * A reported email address in the form checks name it: the domain in ASCII (an internationalised domain as punycode,
 * IDNA via {@link IDN#toASCII}), then {@link EmailAddressParser}'s canonical form. Checks accept ASCII addresses
 * only, so a bounce or complaint recorded for {@code ana@bücher.example} must be recorded for
 * {@code ana@xn--bcher-kva.example}, or a check to it passes.
 */
final class AsciiAddress {

    private static final EmailAddressParser PARSER = new EmailAddressParser();

    private AsciiAddress() {
    }

    /** The address in canonical ASCII form; as given (lower case) when its domain is no domain name IDNA can write. */
    static String of(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        String ascii = address;
        if (at > 0) {
            try {
                ascii = address.substring(0, at + 1) + IDN.toASCII(address.substring(at + 1), IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException notADomainName) {
                ascii = address;
            }
        }
        return PARSER.parse(ascii).map(EmailAddress::canonical).orElse(ascii.toLowerCase(Locale.ROOT));
    }

    /** The domain of an address, in ASCII. */
    static String domain(String address) {
        String ascii = of(address);
        return ascii.substring(ascii.lastIndexOf('@') + 1);
    }
}
