package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract published at /openapi.json names exactly the endpoints the server serves. */
class OpenApiContractTest {

    @TempDir
    Path directory;

    @Test
    void theContractAndTheRoutesAgree() {
        try (TestServer server = new TestServer(directory)) {
            JsonNode paths = server.get("/openapi.json", null).json().get("paths");
            List<String> documented = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
            }
            assertThat(documented).containsExactlyInAnyOrderElementsOf(server.server().endpoints());
        }
    }
}
