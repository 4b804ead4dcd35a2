package org.consentry.store.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;

/** A send request as the outbox keeps it: the API's field names, every field written. */
public final class RequestJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestJson() {
    }

    public static String write(SendRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("channel", request.channel().wireName());
        json.put("from", request.from());
        json.put("to", request.to());
        json.put("purpose", request.purpose().wireName());
        json.put("body", request.body());
        json.put("subject", request.subject());
        json.put("headers", request.headers());
        json.put("send_at", request.sendAt().toString());
        json.put("country", request.country());
        json.put("state", request.state());
        json.put("ai_voice", request.aiVoice());
        json.put("prerecorded", request.prerecorded());
        json.put("recorded", request.recorded());
        json.put("campaign", request.campaign());
        json.put("topic", request.topic());
        json.put("commit", request.commit());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a send request could not be written as JSON", e);
        }
    }

    public static SendRequest read(String text) {
        try {
            Map<String, Object> json = JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
            @SuppressWarnings("unchecked")
            Map<String, String> headers = (Map<String, String>) json.get("headers");
            return new SendRequest(
                    Channel.fromWire((String) json.get("channel")).orElseThrow(() -> new IllegalStateException("unknown channel in the outbox")),
                    (String) json.get("from"), (String) json.get("to"),
                    Purpose.fromWire((String) json.get("purpose")).orElseThrow(() -> new IllegalStateException("unknown purpose in the outbox")),
                    (String) json.get("body"), (String) json.get("subject"), headers, Instant.parse((String) json.get("send_at")),
                    (String) json.get("country"), (String) json.get("state"), Boolean.TRUE.equals(json.get("ai_voice")),
                    Boolean.TRUE.equals(json.get("prerecorded")), Boolean.TRUE.equals(json.get("recorded")), (String) json.get("campaign"),
                    (String) json.get("topic"), Boolean.TRUE.equals(json.get("commit")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message in the outbox is not readable JSON", e);
        }
    }
}
