package org.consentry.ledger;

import java.util.HashMap;
import java.util.Map;
import org.consentry.recipient.LineType;

/** The tenant told Consentry where a recipient is or what line it is ({@code POST /v1/contacts}); absent parts stay as they were. */
public record ContactDeclared(String address, String country, String state, LineType lineType) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.CONTACT_DECLARED;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("address", address);
        fields.put("country", country);
        fields.put("state", state);
        fields.put("line_type", lineType == null ? null : lineType.wireName());
        return fields;
    }

    static ContactDeclared read(EventFields f) {
        String line = f.optionalString("line_type");
        return new ContactDeclared(f.string("address"), f.optionalString("country"), f.optionalString("state"),
                line == null ? null : f.enumValue("line_type", LineType.class));
    }
}
