package org.consentry.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a reason's evidence: snake_case keys in the order given, null values left out. */
public final class Evidence {

    private Evidence() {
    }

    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("evidence needs key-value pairs");
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                evidence.put((String) keysAndValues[i], value);
            }
        }
        return Collections.unmodifiableMap(evidence);
    }
}
