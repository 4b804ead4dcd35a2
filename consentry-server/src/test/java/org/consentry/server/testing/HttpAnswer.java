package org.consentry.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An HTTP answer as a test sees it. */
public record HttpAnswer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + status + "): " + body, e);
        }
    }

    public String text(String pointer) {
        return json().at(pointer).asText();
    }

    public boolean isProblem() {
        return contentType != null && contentType.startsWith("application/problem+json");
    }

    @Override public String toString() {
        return status + " " + contentType + " " + body;
    }
}
