package org.consentry.policy.rules.email;

import java.util.Map;

/** Email headers as requests give them: names compared without regard to case. */
final class EmailHeaders {

    private EmailHeaders() {
    }

    static String get(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
