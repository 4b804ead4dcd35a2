package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What committed sends count for, through HTTP: a Florida number's cap of three marketing texts a day on a topic. */
class CommittedSendsTest extends ServerWithAcme {

    private static final String[] BODIES = {
        "Acme: spring sale on all boots, 20% off today only.",
        "Acme: our new hats have landed in every store near you.",
        "Acme: members get free delivery on any order this weekend.",
        "Acme: last chance, the garden collection closes at midnight.",
    };

    @BeforeEach
    void start() {
        assertThat(server.post("/v1/consents", acme.key(), """
                {"address": "+13055550100", "channel": "sms", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7",
                 "disclosure_text": "By checking this box you agree to receive marketing texts."}""").status()).isEqualTo(201);
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

    /** Committed sends are in the ledger, not only in memory: after a restart the fourth of the day still waits. */
    @Test
    void committedSendsStillCountAfterARestart() {
        for (int i = 0; i < 3; i++) {
            assertThat(commit("marketing", BODIES[i], "").text("/decision")).isEqualTo("allow");
        }
        server.close();
        server = new TestServer(directory, clock);
        HttpAnswer fourth = commit("marketing", BODIES[3], "");
        assertThat(fourth.text("/decision")).as(fourth.body()).isEqualTo("defer");
        assertThat(fourth.json().at("/reasons").findValuesAsText("code")).containsExactly("FREQUENCY_CAP");
        assertThat(fourth.text("/not_before")).isEqualTo("2026-03-15T16:00:00Z");
        HttpAnswer again = commit("marketing", BODIES[0], ", \"send_at\": \"2026-03-15T15:00:00Z\"");
        assertThat(again.text("/decision")).isEqualTo("block");
        assertThat(again.json().at("/reasons").findValuesAsText("code")).as(again.body()).contains("DUPLICATE_CONTENT");
    }

    /** A capped send waits until it fits and may be sent: when the window frees after the account's hours, the next morning. */
    @Test
    void aCappedSendWaitsPastTheQuietHoursTheWindowFreesIn() {
        for (int i = 0; i < 3; i++) {
            HttpAnswer evening = commit("marketing", BODIES[i], ", \"send_at\": \"2026-03-14T23:4%dZ\"".formatted(i));
            assertThat(evening.text("/decision")).as(evening.body()).isEqualTo("allow");
        }
        assertThat(server.send("PUT", "/v1/settings", acme.key(), "{\"quiet_hours\": {\"start\": \"09:00\", \"end\": \"19:00\"}}")
                .status()).isEqualTo(200);
        HttpAnswer next = commit("marketing", BODIES[3], ", \"send_at\": \"2026-03-15T14:00:00Z\"");
        assertThat(next.text("/decision")).as(next.body()).isEqualTo("defer");
        assertThat(next.text("/not_before")).as(next.body()).isEqualTo("2026-03-16T13:00:00Z");
    }

    /**
     * The cap counts one person however the number is written, whichever of the tenant's numbers sent, calls with
     * texts: a text from one number to "(305) 555-0100", a call from another to "1-305-555-0100", a text to
     * "+1 305 555 0100"; a fourth to "13055550100" waits.
     */
    @Test
    void theCapCountsOnePersonAcrossWritingsSendersAndCalls() {
        assertThat(server.post("/v1/tenants/" + acme.id() + "/senders", TestServer.ADMIN_KEY,
                "{\"address\": \"+18005550198\", \"kind\": \"phone\", \"verified\": true}").status()).isEqualTo(201);
        assertThat(server.post("/v1/consents", acme.key(), """
                {"address": "+13055550100", "channel": "voice", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7",
                 "disclosure_text": "By checking this box you agree to receive marketing calls."}""").status()).isEqualTo(201);
        String[][] sends = {
            {"sms", "+18005550199", "(305) 555-0100"},
            {"voice", "+18005550198", "1-305-555-0100"},
            {"sms", "+18005550198", "+1 305 555 0100"},
            {"sms", "+18005550199", "13055550100"},
        };
        java.util.List<String> decisions = new java.util.ArrayList<>();
        for (int i = 0; i < sends.length; i++) {
            HttpAnswer answer = server.post("/v1/checks", acme.key(), """
                    {"channel": "%s", "from": "%s", "to": "%s", "purpose": "marketing", "topic": "Spring",
                     "commit": true, "body": "%s Reply STOP to opt out. Call 800-555-0199."}""".formatted(
                    sends[i][0], sends[i][1], sends[i][2], BODIES[i]));
            decisions.add(answer.text("/decision") + " " + answer.json().at("/reasons").findValuesAsText("code"));
        }
        assertThat(decisions).containsExactly("allow []", "allow []", "allow []", "defer [FREQUENCY_CAP]");
    }

    /**
     * Batches and single checks at the same moment, to one person written three ways, without a plan rate (so
     * without the tenant's lock): three marketing texts are allowed and written, not more.
     */
    @Test
    void batchesAndSingleChecksAtOnceToOnePersonPassTheCapNoMoreThanItAllows() throws Exception {
        String[] writings = {"+13055550100", "(305) 555-0100", "305.555.0100"};
        long before = server.ledgerSize();
        String item = """
                {"channel": "sms", "from": "+18005550199", "to": "%s", "purpose": "marketing", "topic": "spring", "commit": true,
                 "body": "Acme: alpha%d bravo%d charlie%d kilo%d echo%d. Reply STOP to opt out."}""";
        java.util.List<java.util.List<String>> answers = org.consentry.store.testing.AllAtOnce.run(24, caller -> () -> {
            if (caller % 3 == 0) {
                java.util.List<String> items = java.util.stream.IntStream.range(0, 3).mapToObj(i -> {
                    int n = caller * 10 + i;
                    return item.formatted(writings[i], n, n, n, n, n);
                }).toList();
                return server.post("/v1/checks/batch", acme.key(), "{\"items\": [" + String.join(",", items) + "]}")
                        .json().at("/results").findValuesAsText("decision");
            }
            int n = caller * 10;
            return java.util.List.of(server.post("/v1/checks", acme.key(), item.formatted(writings[caller % 3], n, n, n, n, n))
                    .text("/decision"));
        });
        assertThat(answers.stream().flatMap(java.util.List::stream)).as("decisions").filteredOn("allow"::equals).hasSize(3);
        assertThat(server.ledgerSize()).as("three sends written").isEqualTo(before + 3);
    }
}
