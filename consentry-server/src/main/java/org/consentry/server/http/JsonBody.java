package org.consentry.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A JSON object from a request, read strictly: each read names its field, every problem is collected with
 * its path ({@code items[3].channel}), fields nobody read are refused as unknown, and {@link #finish}
 * throws them all at once as one 400 problem. Nothing is written before a body is finished.
 */
public final class JsonBody {

    private final ObjectNode node;
    private final String path;
    private final List<FieldError> errors;
    private final Set<String> read = new HashSet<>();
    private final List<JsonBody> children = new ArrayList<>();

    private JsonBody(ObjectNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** Parses a request body that must be one JSON object. */
    public static JsonBody parse(byte[] bytes, ObjectMapper json) {
        if (bytes == null || bytes.length == 0) {
            throw ApiProblem.invalid("body", "the body must be a JSON object");
        }
        JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiProblem.invalid("body", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiProblem.invalid("body", "not readable: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw ApiProblem.invalid("body", "the body must be a JSON object");
        }
        return new JsonBody((ObjectNode) tree, "", new ArrayList<>());
    }

    private String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private JsonNode value(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** Records a problem with a field that the caller found. */
    public void reject(String field, String message) {
        errors.add(new FieldError(at(field), message));
    }

    /** True when the field is present with an explicit JSON null (a request to clear it). */
    public boolean isNull(String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isNull()) {
            read.add(field);
            return true;
        }
        return false;
    }

    /** A whole number between {@code min} and {@code max}; {@code absent} when missing. */
    public int integer(String field, int min, int max, int absent) {
        JsonNode value = value(field);
        if (value == null) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            reject(field, "must be a whole number from " + min + " to " + max);
            return absent;
        }
        return value.intValue();
    }

    /** An array of objects, possibly empty; null when absent. */
    public List<JsonBody> optionalObjects(String field, int maxItems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            read.add(field);
            return null;
        }
        if (value.isArray() && value.isEmpty()) {
            read.add(field);
            return List.of();
        }
        return objects(field, maxItems);
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public String string(String field, int maxLength) {
        String value = optionalString(field, maxLength);
        if (value == null && !hasError(field)) {
            reject(field, "is required");
        }
        return value;
    }

    public String optionalString(String field, int maxLength) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            reject(field, "must be a string");
            return null;
        }
        String text = value.textValue();
        if (text.isBlank()) {
            reject(field, "must not be blank");
            return null;
        }
        if (!isUnicode(text)) {
            reject(field, UNPAIRED);
            return null;
        }
        if (text.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    /**
     * A required one-line name (a tenant's name or brand): as {@link #string}, and without control characters, which
     * a name shown in texts, pages and evidence never needs (a NUL or a line break in a brand is a forgery's tool).
     */
    public String line(String field, int maxLength) {
        String value = string(field, maxLength);
        if (value != null && value.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
            reject(field, "must be one line without control characters");
            return null;
        }
        return value;
    }

    public boolean bool(String field, boolean absent) {
        JsonNode value = value(field);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            reject(field, "must be true or false");
            return absent;
        }
        return value.booleanValue();
    }

    /** The earliest time a request may name: nothing Consentry records (a consent, an opt-out, a send) is older. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /** The latest time a request may name. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** An ISO-8601 date-time with an offset, e.g. {@code 2026-03-14T14:30:00Z}, from 1970 to 9999; null when absent. */
    public Instant instant(String field) {
        String text = optionalString(field, 64);
        if (text == null) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            reject(field, "must be an ISO-8601 date-time with an offset, e.g. 2026-03-14T14:30:00Z");
            return null;
        }
        String wrong = outOfRange(at);
        if (wrong != null) {
            reject(field, wrong);
            return null;
        }
        return at;
    }

    /** Why a time is outside the years a request may name, or null when it is inside. */
    public static String outOfRange(Instant at) {
        return at.isBefore(EARLIEST) || at.isAfter(LATEST) ? "must be between 1970 and 9999 (was " + at + ")" : null;
    }

    public <T> T choice(String field, Function<String, Optional<T>> parse, String allowed) {
        T value = optionalChoice(field, parse, allowed);
        if (value == null && !hasError(field)) {
            reject(field, "is required; one of " + allowed);
        }
        return value;
    }

    public <T> T optionalChoice(String field, Function<String, Optional<T>> parse, String allowed) {
        String text = optionalString(field, 64);
        if (text == null) {
            return null;
        }
        Optional<T> value = parse.apply(text);
        if (value.isEmpty()) {
            reject(field, "must be one of " + allowed);
            return null;
        }
        return value.get();
    }

    /** A non-empty array of strings. */
    public List<String> strings(String field, int maxItems, int maxLength) {
        JsonNode value = value(field);
        if (value == null) {
            reject(field, "is required");
            return List.of();
        }
        if (!value.isArray() || value.isEmpty()) {
            reject(field, "must be a non-empty array");
            return List.of();
        }
        if (value.size() > maxItems) {
            reject(field, "must have at most " + maxItems + " items");
            return List.of();
        }
        List<String> strings = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > maxLength) {
                errors.add(new FieldError(at(field) + "[" + i + "]", "must be a non-blank string of at most " + maxLength + " characters"));
            } else if (!isUnicode(item.textValue())) {
                errors.add(new FieldError(at(field) + "[" + i + "]", UNPAIRED));
            } else {
                strings.add(item.textValue());
            }
        }
        return strings;
    }

    /** A nested object, or null when absent. */
    public JsonBody object(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            reject(field, "must be an object");
            return null;
        }
        JsonBody child = new JsonBody((ObjectNode) value, at(field), errors);
        children.add(child);
        return child;
    }

    /** A non-empty array of objects. */
    public List<JsonBody> objects(String field, int maxItems) {
        JsonNode value = value(field);
        if (value == null || !value.isArray() || value.isEmpty()) {
            reject(field, "must be a non-empty array of objects");
            return List.of();
        }
        if (value.size() > maxItems) {
            reject(field, "must have at most " + maxItems + " items");
            return List.of();
        }
        List<JsonBody> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = at(field) + "[" + i + "]";
            if (!item.isObject()) {
                errors.add(new FieldError(itemPath, "must be an object"));
                continue;
            }
            JsonBody child = new JsonBody((ObjectNode) item, itemPath, errors);
            children.add(child);
            items.add(child);
        }
        return items;
    }

    /** An object of string values, e.g. email headers; empty when absent. */
    public Map<String, String> stringMap(String field, int maxEntries, int maxLength) {
        JsonNode value = value(field);
        if (value == null) {
            return Map.of();
        }
        if (!value.isObject()) {
            reject(field, "must be an object of strings");
            return Map.of();
        }
        if (value.size() > maxEntries) {
            reject(field, "must have at most " + maxEntries + " entries");
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual() || entry.getValue().textValue().length() > maxLength || entry.getKey().length() > 200) {
                errors.add(new FieldError(at(field) + "." + printable(entry.getKey()),
                        "must be a string of at most " + maxLength + " characters"));
            } else if (!isUnicode(entry.getKey()) || !isUnicode(entry.getValue().textValue())) {
                errors.add(new FieldError(at(field) + "." + printable(entry.getKey()), UNPAIRED));
            } else {
                map.put(entry.getKey(), entry.getValue().textValue());
            }
        }
        return map;
    }

    private static final String UNPAIRED = "must be Unicode text: it holds half of a surrogate pair (an escape such as \\ud800 alone)";

    /**
     * True when every surrogate in the text is one of a pair. JSON may escape half of one, which no UTF-8 text holds:
     * stored, it would become a '?', and a record would say other words than those sent.
     */
    static boolean isUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A field name as an error may show it: plain names as they are, anything else quoted as JSON. */
    static String printable(String name) {
        if (!name.isEmpty() && name.length() <= 64 && name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '.')) {
            return name;
        }
        StringBuilder quoted = new StringBuilder("\"");
        name.codePoints().limit(64).forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
            } else if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }

    public boolean hasError(String field) {
        String full = at(field);
        for (FieldError error : errors) {
            if (error.field().equals(full) || error.field().startsWith(full + "[") || error.field().startsWith(full + ".")) {
                return true;
            }
        }
        return false;
    }

    /** True when nothing is wrong so far. */
    public boolean valid() {
        return errors.isEmpty();
    }

    /** Refuses unknown fields, then throws every problem found as one 400. */
    public void finish() {
        collectUnknown();
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    private void collectUnknown() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                errors.add(new FieldError(at(printable(name)), "is not a known field"));
            }
        }
        for (JsonBody child : children) {
            child.collectUnknown();
        }
    }
}
