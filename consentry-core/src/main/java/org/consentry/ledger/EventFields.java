package org.consentry.ledger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads of a stored event's fields, failing with {@link LedgerFormatException} on anything unexpected. */
public final class EventFields {

    private final String type;
    private final Map<String, Object> fields;

    public EventFields(String type, Map<String, Object> fields) {
        this.type = type;
        this.fields = fields;
    }

    public String string(String key) {
        String value = optionalString(key);
        if (value == null) {
            throw missing(key);
        }
        return value;
    }

    public String optionalString(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String)) {
            throw wrong(key, "a string");
        }
        return (String) value;
    }

    public boolean bool(String key) {
        Object value = fields.get(key);
        if (!(value instanceof Boolean)) {
            throw value == null ? missing(key) : wrong(key, "a boolean");
        }
        return (Boolean) value;
    }

    public Instant instant(String key) {
        String text = string(key);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw wrong(key, "an instant");
        }
    }

    public List<String> strings(String key) {
        Object value = fields.get(key);
        if (!(value instanceof List)) {
            throw value == null ? missing(key) : wrong(key, "a list");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : (List<?>) value) {
            if (!(item instanceof String)) {
                throw wrong(key, "a list of strings");
            }
            strings.add((String) item);
        }
        return List.copyOf(strings);
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String text = string(key);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw wrong(key, "one of " + List.of(type.getEnumConstants()));
    }

    private LedgerFormatException missing(String key) {
        return new LedgerFormatException(type + " event lacks '" + key + "'");
    }

    private LedgerFormatException wrong(String key, String expected) {
        return new LedgerFormatException(type + " event field '" + key + "' is not " + expected);
    }
}
