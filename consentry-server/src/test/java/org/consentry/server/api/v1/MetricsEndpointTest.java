package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics}: Prometheus text, no key, counting requests by route and status and verdicts by decision and reason. */
class MetricsEndpointTest {

    @TempDir
    Path directory;

    private TestServer server;
    private TestServer.Tenant acme;

    @BeforeEach
    void start() {
        server = new TestServer(directory);
        acme = server.tenantWithSender("Acme");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The metrics once {@code expected} shows: a request is counted just after its answer has gone. */
    private HttpAnswer metricsAfter(String expected) {
        long until = System.nanoTime() + 5_000_000_000L;
        HttpAnswer metrics = server.get("/metrics", null);
        while (!metrics.body().contains(expected) && System.nanoTime() < until) {
            metrics = server.get("/metrics", null);
        }
        return metrics;
    }

    @Test
    void countsRequestsAndVerdictsInPrometheusText() {
        String check = "{\"channel\": \"sms\", \"from\": \"+18005550199\", \"to\": \"+13055550100\", \"purpose\": \"marketing\","
                + " \"body\": \"Acme: spring sale. Reply STOP to opt out.\"}";
        assertThat(server.post("/v1/checks", acme.key(), check).text("/decision")).isEqualTo("block");
        assertThat(server.post("/v1/checks/batch", acme.key(), "{\"items\": [" + check + ", " + check + "]}").status()).isEqualTo(200);
        assertThat(server.post("/v1/checks", acme.key(), "{}").status()).isEqualTo(400);
        assertThat(server.get("/v1/consents/con_" + "x".repeat(20) + "/nothing", acme.key()).status()).isEqualTo(404);

        HttpAnswer metrics = metricsAfter("consentry_http_requests_total{method=\"GET\",route=\"unmatched\"");
        assertThat(metrics.status()).as("%s", metrics).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain").contains("version=0.0.4");
        assertThat(metrics.body())
                .contains("# TYPE consentry_http_requests_total counter")
                .contains("consentry_http_requests_total{method=\"POST\",route=\"/v1/checks\",status=\"200\"} 1\n")
                .contains("consentry_http_requests_total{method=\"POST\",route=\"/v1/checks\",status=\"400\"} 1\n")
                .contains("consentry_http_requests_total{method=\"POST\",route=\"/v1/checks/batch\",status=\"200\"} 1\n")
                .contains("consentry_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1\n")
                .contains("consentry_checks_total{decision=\"block\"} 3\n")
                .contains("consentry_check_reasons_total{code=\"CONSENT_MISSING\"} 3\n")
                .contains("consentry_ledger_healthy 1\n")
                .doesNotContain("con_xxxx");
    }
}
