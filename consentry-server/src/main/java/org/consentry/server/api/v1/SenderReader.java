package org.consentry.server.api.v1;

import java.util.Optional;
import org.consentry.server.http.JsonBody;
import org.consentry.store.facts.SenderAddresses;
import org.consentry.tenant.SenderKind;

/** Reads {@code {address, kind}} of a sender into its canonical form for the kind. */
final class SenderReader {

    record Requested(String address, SenderKind kind) {
    }

    private final Addresses addresses;

    SenderReader(Addresses addresses) {
        this.addresses = addresses;
    }

    Requested read(JsonBody body) {
        SenderKind kind = body.choice("kind", SenderKind::fromWire, "phone, sender_id, email_domain");
        String raw = body.string("address", 320);
        String region = Addresses.region(body, "country");
        if (kind == null || raw == null) {
            return new Requested(null, kind);
        }
        switch (kind) {
            case PHONE:
                return new Requested(addresses.phone(body, "address", raw, region), kind);
            case SENDER_ID:
                return new Requested(orReject(body, SenderAddresses.senderId(raw),
                        "a sender ID is 3 to 11 letters, digits or spaces with at least one letter"), kind);
            default:
                return new Requested(orReject(body, SenderAddresses.emailDomain(raw), "must be a domain name such as acme.example"), kind);
        }
    }

    private static String orReject(JsonBody body, Optional<String> value, String message) {
        if (value.isEmpty()) {
            body.reject("address", message);
            return null;
        }
        return value.get();
    }
}
