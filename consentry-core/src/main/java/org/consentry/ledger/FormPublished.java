package org.consentry.ledger;

import java.util.HashMap;
import java.util.Map;
import org.consentry.consent.OptInForm;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;

/** The tenant published a version of a hosted opt-in form; a later version replaces it on the page, not in the evidence. */
public record FormPublished(OptInForm form) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.FORM_PUBLISHED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("form_id", form.id());
        fields.put("version", (long) form.version());
        fields.put("name", form.name());
        fields.put("title", form.title());
        fields.put("channels", form.channels().stream().map(Channel::wireName).toList());
        fields.put("purpose", form.purpose().wireName());
        fields.put("frequency", form.frequency());
        fields.put("extra_text", form.extraText());
        fields.put("terms_url", form.termsUrl());
        fields.put("privacy_url", form.privacyUrl());
        return fields;
    }

    static FormPublished read(EventFields f) {
        return new FormPublished(new OptInForm(f.string("form_id"), (int) f.number("version", 1), f.string("name"), f.string("title"),
                f.strings("channels").stream().map(name -> Channel.fromWire(name)
                        .orElseThrow(() -> new LedgerFormatException("unknown channel " + name))).toList(),
                f.enumValue("purpose", Purpose.class), f.optionalString("frequency"), f.optionalString("extra_text"),
                f.optionalString("terms_url"), f.optionalString("privacy_url")));
    }
}
