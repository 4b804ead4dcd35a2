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

    public boolean bool(String key, boolean absent) {
        Object value = fields.get(key);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Boolean)) {
            throw wrong(key, "a boolean");
        }
        return (Boolean) value;
    }

    public long number(String key, long absent) {
        Object value = fields.get(key);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw wrong(key, "a whole number");
        }
        return ((Number) value).longValue();
    }

    public Instant optionalInstant(String key) {
        return fields.get(key) == null ? null : instant(key);
    }

    /** A list of whole numbers; empty when absent. */
    public List<Long> numbers(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw wrong(key, "a list");
        }
        List<Long> numbers = new ArrayList<>();
        for (Object item : (List<?>) value) {
            if (!(item instanceof Integer || item instanceof Long)) {
                throw wrong(key, "a list of whole numbers");
            }
            numbers.add(((Number) item).longValue());
        }
        return List.copyOf(numbers);
    }

    /** A list of objects, each read as fields; empty when absent. */
    @SuppressWarnings("unchecked")
    public List<EventFields> objects(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw wrong(key, "a list");
        }
        List<EventFields> objects = new ArrayList<>();
        for (Object item : (List<?>) value) {
            if (!(item instanceof Map)) {
                throw wrong(key, "a list of objects");
            }
            objects.add(new EventFields(type, (Map<String, Object>) item));
        }
        return objects;
    }

    /** An object read as fields, or null when absent. */
    @SuppressWarnings("unchecked")
    public EventFields object(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map)) {
            throw wrong(key, "an object");
        }
        return new EventFields(type, (Map<String, Object>) value);
    }

    public java.util.Set<String> keys() {
        return fields.keySet();
    }

    public Instant instant(String key) {
        String text = string(key);
        try {
            return LedgerTimes.parse(text);
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
