package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.consentry.store.testing.MutableClock;
import org.consentry.store.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What committed sends count for, through HTTP: a Florida number's cap of three marketing texts a day on a topic. */
class CommittedSendsTest {

    private static final String[] BODIES = {
        "Acme: spring sale on all boots, 20% off today only.",
        "Acme: our new hats have landed in every store near you.",
        "Acme: members get free delivery on any order this weekend.",
        "Acme: last chance, the garden collection closes at midnight.",
    };

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(StoreFixture.START);
    private TestServer server;
    private TestServer.Tenant acme;

    @BeforeEach
    void start() {
        server = new TestServer(directory, clock);
        acme = server.tenantWithSender("Acme");
        assertThat(server.post("/v1/consents", acme.key(), """
                {"address": "+13055550100", "channel": "sms", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7",
                 "disclosure_text": "By checking this box you agree to receive marketing texts."}""").status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpAnswer commit(String purpose, String body, String extra) {
        return server.post("/v1/checks", acme.key(), """
                {"channel": "sms", "from": "+18005550199", "to": "+13055550100", "purpose": "%s", "topic": "spring",
                 "commit": true, "body": "%s Reply STOP to opt out."%s}""".formatted(purpose, body, extra));
    }

    /**
     * A send committed for a day more than a month ahead (a campaign scheduled early) takes nothing away from today's
     * count: the fourth marketing text of the day to a Florida number still waits.
     */
    @Test
    void aSendCommittedForNextMonthLeavesTodaysSendsCounted() {
        for (int i = 0; i < 3; i++) {
            assertThat(commit("marketing", BODIES[i], "").text("/decision")).isEqualTo("allow");
        }
        HttpAnswer later = commit("marketing", "Acme: the summer collection opens on April 24, come early.",
                ", \"send_at\": \"2026-04-24T14:00:00Z\"");
        assertThat(later.text("/decision")).as(later.body()).isEqualTo("allow");
        HttpAnswer fourth = commit("marketing", BODIES[3], "");
        assertThat(fourth.text("/decision")).as(fourth.body()).isEqualTo("defer");
        assertThat(fourth.json().at("/reasons").findValuesAsText("code")).contains("FREQUENCY_CAP");
    }

    /**
     * The tenant's own caps count only the sends the contact book keeps (31 days): a cap over a longer window would
     * let through what it claims to hold back, so it is refused, naming the field.
     */
    @Test
    void aTenantCapLongerThanTheSendHistoryIsRefused() {
        HttpAnswer refused = server.send("PUT", "/v1/settings", acme.key(),
                "{\"frequency_caps\": [{\"count\": 1, \"window_hours\": 1000, \"per\": \"recipient\"}]}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().at("/errors").findValuesAsText("field")).containsExactly("frequency_caps[0].window_hours");
        HttpAnswer month = server.send("PUT", "/v1/settings", acme.key(),
                "{\"frequency_caps\": [{\"count\": 1, \"window_hours\": 744, \"per\": \"recipient\"}]}");
        assertThat(month.status()).as(month.body()).isEqualTo(200);
    }

    /** A cap of one a month (744 hours) still holds back a send 30 days after the last, after another commit in between. */
    @Test
    void aTenantCapOfOneAMonthCountsASendThirtyDaysOld() {
        assertThat(server.send("PUT", "/v1/settings", acme.key(),
                "{\"frequency_caps\": [{\"count\": 1, \"window_hours\": 744, \"per\": \"recipient\"}]}").status()).isEqualTo(200);
        assertThat(commit("marketing", BODIES[0], "").text("/decision")).isEqualTo("allow");
        clock.advance(java.time.Duration.ofDays(30));
        HttpAnswer next = commit("marketing", BODIES[1], "");
        assertThat(next.text("/decision")).as(next.body()).isEqualTo("defer");
        assertThat(next.text("/not_before")).isEqualTo("2026-04-14T16:00:00Z");
    }
}
