package org.consentry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A stored payload reads the same through the sealed shortcut as through Jackson, whatever its text. */
class StoredPayloadsProperties {

    private final ObjectMapper json = new ObjectMapper();
    private final StoredPayloads payloads = new StoredPayloads(json);

    @Property(tries = 3000)
    void readsEveryPayloadAsJacksonDoes(@ForAll("payloads") String payload) throws JsonProcessingException {
        Map<String, Object> expected;
        try {
            expected = json.readValue(payload, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            assertThatThrownBy(() -> payloads.read(payload)).as(payload).isInstanceOf(JsonProcessingException.class);
            return;
        }
        assertThat(payloads.read(payload)).as(payload).isEqualTo(expected);
    }

    @Property(tries = 500)
    void takesTheShortcutForEverySealedPayload(@ForAll("base64") String sealed) {
        assertThat(StoredPayloads.sealedMember("{\"sealed\":\"" + sealed + "\"}")).isEqualTo(sealed);
    }

    @Provide
    Arbitrary<String> payloads() {
        Arbitrary<String> inside = Arbitraries.strings().withChars("AZaz09+/=\"\\ \n\t\u0001\u00e9{}:,u").ofMaxLength(24);
        Arbitrary<String> prefix = Arbitraries.of("{\"sealed\":\"", "{\"sealed\": \"", " {\"sealed\":\"", "{\"sealed\":", "{\"seal\":\"", "");
        Arbitrary<String> suffix = Arbitraries.of("\"}", "\" }", "\"", "\"}x", "\",\"other\":1}", "\"}}", "");
        return net.jqwik.api.Combinators.combine(prefix, inside, suffix).as((p, i, s) -> p + i + s);
    }

    @Provide
    Arbitrary<String> base64() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=").ofMinLength(0).ofMaxLength(900);
    }
}
