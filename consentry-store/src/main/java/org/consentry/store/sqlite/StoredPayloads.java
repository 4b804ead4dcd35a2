package org.consentry.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.consentry.ledger.SealedFields;

/**
 * Reads an event's payload as stored. Most stored payloads are a sealed event's {@code {"sealed":"<base64>"}}; that
 * shape is recognised without a JSON parser (a replay reads every payload of the ledger), and every other payload
 * goes to {@link CanonicalJsonReader}, and what that does not read to Jackson. The answer is Jackson's whichever way it
 * is read.
 */
final class StoredPayloads {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };
    private static final String SEALED_START = "{\"" + SealedFields.MEMBER + "\":\"";
    private static final String SEALED_END = "\"}";

    private final ObjectMapper json;

    StoredPayloads(ObjectMapper json) {
        this.json = json;
    }

    Map<String, Object> read(String payload) throws JsonProcessingException {
        String sealed = sealedMember(payload);
        return sealed != null ? Map.of(SealedFields.MEMBER, sealed) : fields(payload);
    }

    /** An event's fields (an opened sealed payload, or one in clear), read as canonical JSON or else by Jackson. */
    Map<String, Object> fields(String json) throws JsonProcessingException {
        Map<String, Object> fields = CanonicalJsonReader.read(json);
        return fields != null ? fields : this.json.readValue(json, FIELDS);
    }

    /** The sealed member of a payload that is exactly {@code {"sealed":"..."}} with no escapes or controls in it, else null. */
    static String sealedMember(String payload) {
        int end = payload.length() - SEALED_END.length();
        if (end < SEALED_START.length() || !payload.startsWith(SEALED_START) || !payload.endsWith(SEALED_END)) {
            return null;
        }
        for (int i = SEALED_START.length(); i < end; i++) {
            char c = payload.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return null;
            }
        }
        return payload.substring(SEALED_START.length(), end);
    }
}
