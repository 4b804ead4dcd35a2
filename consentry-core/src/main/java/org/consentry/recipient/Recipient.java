package org.consentry.recipient;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.consentry.address.Address;
import org.consentry.address.PhoneNumber;

/**
 * A recipient as resolved for the rules.
 *
 * @param raw     the address as the request gave it
 * @param address the parsed address; null when it is not a valid address for the channel
 * @param zones   the time zones it may be reached in; empty when unknown (and always for email)
 */
public record Recipient(String raw, Address address, List<ZoneId> zones) {

    public Recipient {
        Objects.requireNonNull(raw, "raw");
        zones = List.copyOf(zones);
    }

    public static Recipient invalid(String raw) {
        return new Recipient(raw, null, List.of());
    }

    public boolean valid() {
        return address != null;
    }

    /** The phone number, or null when the recipient is not a valid phone number. */
    public PhoneNumber phone() {
        return address instanceof PhoneNumber ? (PhoneNumber) address : null;
    }

    /** The canonical address (E.164 or lower-cased email), or null when invalid. */
    public String key() {
        return address == null ? null : address.canonical();
    }
}
