package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.consentry.store.sqlite.SqliteDatabase;
import org.junit.jupiter.api.Test;

/** The path a sender walks: a tenant, a verified sender, a consent, checks, a STOP, and the evidence. */
class CheckFlowTest extends ServerWithAcme {

    private static final String CHECK = """
            {"channel": "sms", "from": "+18005550199", "to": "+13055550100", "purpose": "marketing",
             "body": "Acme: spring sale, 20%% off today. Reply STOP to opt out."%s}""";

    private HttpAnswer check(String extra) {
        return server.post("/v1/checks", acme.key(), CHECK.formatted(extra));
    }

    private HttpAnswer recordConsent() {
        return server.post("/v1/consents", acme.key(), """
                {"address": "(305) 555-0100", "channel": "sms", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7",
                 "user_agent": "Mozilla/5.0", "source_url": "https://shop.example/join",
                 "disclosure_text": "By checking this box you agree to receive up to 4 marketing texts a month.",
                 "frequency": "4/month"}""");
    }

    /** A tenant of another country, with +18005550198 as a verified sender: its key. */
    private String tenantIn(String country, String brand) {
        HttpAnswer created = server.post("/v1/tenants", TestServer.ADMIN_KEY, """
                {"name": "%s SA", "brand": "%s", "industry": "retail", "country": "%s",
                 "postal_address": "1 rue de Rivoli, 75001 Paris", "support_contact": "aide@%s.example"}"""
                .formatted(brand, brand, country, brand.toLowerCase()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(server.post("/v1/tenants/" + created.text("/id") + "/senders", TestServer.ADMIN_KEY,
                "{\"address\": \"+18005550198\", \"kind\": \"phone\", \"verified\": true}").status()).isEqualTo(201);
        return created.text("/api_key");
    }

    @Test
    void aNumberWrittenWithoutCountryCodeIsReadInTheTenantsCountry() {
        String boulangerie = tenantIn("FR", "Boulangerie");
        HttpAnswer consent = server.post("/v1/consents", boulangerie, """
                {"address": "06 12 34 56 78", "channel": "sms", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-01-10T15:00:00Z", "confirmed": true}""");
        assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
        assertThat(consent.text("/address")).isEqualTo("+33612345678");
        String text = """
                {"channel": "sms", "from": "+18005550198", "to": "06 12 34 56 78", "purpose": "marketing",
                 "body": "Boulangerie: -20%% ce lundi. Reply STOP to opt out.", "send_at": "%s"}""";

        // Sunday noon in Paris: a French mobile, under France's hours for marketing texts (Mon-Sat 08:00-20:00)
        HttpAnswer sunday = server.post("/v1/checks", boulangerie, text.formatted("2026-03-15T11:00:00Z"));
        assertThat(sunday.text("/decision")).as(sunday.toString()).isEqualTo("defer");
        assertThat(sunday.text("/reasons/0/rule")).isEqualTo("quiet-hours/fr-sms");
        assertThat(sunday.text("/not_before")).isEqualTo("2026-03-16T07:00:00Z");
        HttpAnswer batch = server.post("/v1/checks/batch", boulangerie,
                "{\"items\": [" + text.formatted("2026-03-15T11:00:00Z") + "]}");
        assertThat(batch.text("/results/0/decision")).as(batch.toString()).isEqualTo("defer");

        HttpAnswer monday = server.post("/v1/checks", boulangerie, text.formatted("2026-03-16T10:00:00Z"));
        assertThat(monday.text("/decision")).as(monday.toString()).isEqualTo("allow");
    }

    @Test
    void withoutConsentAMarketingTextIsBlockedWithTheReason() {
        HttpAnswer verdict = check("");
        assertThat(verdict.status()).isEqualTo(200);
        assertThat(verdict.text("/decision")).isEqualTo("block");
        assertThat(verdict.text("/id")).startsWith("chk_");
        JsonNode reason = verdict.json().at("/reasons/0");
        assertThat(reason.at("/code").asText()).isEqualTo("CONSENT_MISSING");
        assertThat(reason.at("/rule").asText()).isEqualTo("consent/missing");
        assertThat(reason.at("/citation").asText()).contains("64.1200");
        assertThat(reason.at("/message").asText()).contains("+13055550100");
        assertThat(reason.at("/evidence/purpose").asText()).isEqualTo("marketing");
    }

    @Test
    void withConsentItIsAllowedThenAStopReplyBlocksTheVeryNextCheck() {
        HttpAnswer consent = recordConsent();
        assertThat(consent.status()).isEqualTo(201);
        assertThat(consent.text("/status")).isEqualTo("active");
        assertThat(consent.text("/address")).isEqualTo("+13055550100");

        HttpAnswer allowed = check("");
        assertThat(allowed.text("/decision")).isEqualTo("allow");
        assertThat(allowed.json().at("/reasons").size()).isZero();
        assertThat(allowed.json().at("/not_before").isNull()).isTrue();
        assertThat(allowed.text("/message/body")).startsWith("Acme: spring sale");

        HttpAnswer stop = server.post("/v1/inbound/sms", acme.key(),
                "{\"from\": \"+13055550100\", \"to\": \"+18005550199\", \"body\": \"STOP\"}");
        assertThat(stop.status()).isEqualTo(200);
        assertThat(stop.text("/action")).isEqualTo("opt_out");
        assertThat(stop.text("/reply")).startsWith("Acme: You are unsubscribed");

        HttpAnswer blocked = check("");
        assertThat(blocked.text("/decision")).isEqualTo("block");
        assertThat(blocked.json().at("/reasons").findValuesAsText("code")).startsWith("OPTED_OUT", "CONSENT_REVOKED")
                .as("without the written consent, the registry would be needed, and none is loaded").contains("DNC_LIST_STALE");

        HttpAnswer evidence = server.get("/v1/evidence?address=%2B13055550100", acme.key());
        assertThat(evidence.json().at("/chain/verified").asBoolean()).isTrue();
        assertThat(evidence.json().at("/events").findValuesAsText("type"))
                .containsExactly("consent.granted", "opt_out.recorded", "consent.revoked");
        assertThat(evidence.text("/events/0/event/disclosure_text")).startsWith("By checking this box");
        assertThat(evidence.text("/events/1/prev_hash")).isEqualTo(evidence.text("/events/0/hash"));
    }

    @Test
    void aMarketingTextAtNightDefersToEightInTheMorning() {
        recordConsent();
        HttpAnswer deferred = check(", \"send_at\": \"2026-03-15T01:30:00Z\"");
        assertThat(deferred.text("/decision")).isEqualTo("defer");
        assertThat(deferred.text("/not_before")).isEqualTo("2026-03-15T12:00:00Z");
        assertThat(deferred.text("/reasons/0/code")).isEqualTo("QUIET_HOURS");
        assertThat(deferred.text("/reasons/0/effect")).isEqualTo("defer");
        assertThat(deferred.text("/reasons/0/message")).isEqualTo("21:30 in America/New_York is outside 08:00-21:00 (US federal)");
    }

    @Test
    void anInvalidRecipientIsAVerdictNotAnError() {
        HttpAnswer verdict = server.post("/v1/checks", acme.key(),
                "{\"channel\": \"sms\", \"from\": \"+18005550199\", \"to\": \"911\", \"purpose\": \"transactional\"}");
        assertThat(verdict.status()).isEqualTo(200);
        assertThat(verdict.json().at("/reasons").findValuesAsText("code")).contains("INVALID_ADDRESS", "EMERGENCY_NUMBER");
    }

    @Test
    void aBatchAnswersEveryItemInOrder() {
        recordConsent();
        HttpAnswer batch = server.post("/v1/checks/batch", acme.key(), """
                {"items": [
                  {"channel": "sms", "from": "+18005550199", "to": "+13055550100", "purpose": "marketing", "body": "Acme: sale. Reply STOP to opt out."},
                  {"channel": "sms", "from": "+18005550199", "to": "+13055550101", "purpose": "marketing", "body": "Acme: sale. Reply STOP to opt out."},
                  {"channel": "sms", "from": "+18005550100", "to": "+13055550100", "purpose": "marketing", "body": "Acme: sale. Reply STOP to opt out."}
                ]}""");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.json().at("/results").findValuesAsText("decision")).containsExactly("allow", "block", "block");
        assertThat(batch.text("/results/2/reasons/0/code")).isEqualTo("SENDER_NOT_VERIFIED");
    }

    /**
     * Committed sends earlier in a batch count for the items after them, as they would in separate calls: a batch
     * must not carry a fourth marketing text to a Florida number past the state's cap of three a day, nor the same
     * text twice.
     */
    @Test
    void aBatchCountsItsOwnCommittedSends() {
        recordConsent();
        String item = """
                {"channel": "sms", "from": "+18005550199", "to": "%s", "purpose": "marketing", "topic": "spring", "commit": true,
                 "body": "Acme: %s Reply STOP to opt out."}""";
        HttpAnswer batch = server.post("/v1/checks/batch", acme.key(), "{\"items\": [" + String.join(",",
                item.formatted("+13055550100", "spring sale on all boots, 20% off today only."),
                item.formatted("(305) 555-0100", "our new hats have landed in every store near you."),
                item.formatted("305-555-0100", "members get free delivery on any order this weekend."),
                item.formatted("+13055550100", "last chance: the garden collection closes at midnight."),
                item.formatted("+13055550100", "spring sale on all boots, 20% off today only.")) + "]}");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.json().at("/results").findValuesAsText("decision")).containsExactly("allow", "allow", "allow", "defer", "block");
        assertThat(batch.json().at("/results/3/reasons").findValuesAsText("code")).contains("FREQUENCY_CAP");
        assertThat(batch.json().at("/results/4/reasons").findValuesAsText("code")).contains("DUPLICATE_CONTENT");
        assertThat(batch.json().at("/results").findValuesAsText("committed")).containsExactly("true", "true", "true", "false", "false");
    }

    /**
     * Committed checks to one recipient at the same moment are judged and written one after the other: of twelve
     * marketing texts to a Florida number sent together, three (the state's cap for a day) are allowed, not more.
     */
    @Test
    void concurrentCommittedChecksToOneRecipientPassTheCapNoMoreThanItAllows() throws Exception {
        recordConsent();
        long before = server.ledgerSize();
        int sends = 12;
        List<String> answers = org.consentry.store.testing.AllAtOnce.run(sends, i -> () -> server.post("/v1/checks", acme.key(), """
                {"channel": "sms", "from": "+18005550199", "to": "+13055550100", "purpose": "marketing",
                 "topic": "spring", "commit": true, "body": "%s"}""".formatted(
                "Acme: alpha%d bravo%d charlie%d kilo%d echo%d foxtrot%d. Reply STOP to opt out.".formatted(i, i, i, i, i, i)))
                .text("/decision"));
        assertThat(answers).as("decisions").filteredOn("allow"::equals).hasSize(3);
        assertThat(answers).filteredOn("defer"::equals).hasSize(sends - 3);
        assertThat(server.ledgerSize()).as("three sends written").isEqualTo(before + 3);
    }

    /**
     * Committed checks of a tenant with a rate are judged and written one after the other, whoever they go to: of
     * forty sent together to forty recipients, in each of four minutes, three (the plan's rate) are allowed and
     * written, not more. Before, only the recipient's lock was held, and three to eight went through.
     */
    @Test
    void concurrentCommittedChecksToManyRecipientsPassThePlansRateNoMoreThanItAllows() throws Exception {
        planWithRate(3);
        String[] numbers = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "+121255501%02d".formatted(i)).toArray(String[]::new);
        consentOf(numbers);
        for (int minute = 0; minute < 4; minute++) {
            long before = server.ledgerSize();
            int round = minute;
            List<String> answers = org.consentry.store.testing.AllAtOnce.run(numbers.length, i -> () -> commitTo(numbers[i],
                    ", \"topic\": \"round %d\"".formatted(round)).text("/decision"));
            assertThat(answers).as("decisions in minute " + minute).filteredOn("allow"::equals).hasSize(3);
            assertThat(server.ledgerSize()).as("three sends written").isEqualTo(before + 3);
            clock.advance(java.time.Duration.ofMinutes(1));
        }
    }

    /**
     * Batches and single checks of a tenant with a rate, to the same recipients at once, share its lock without
     * waiting for each other forever, and together pass the rate no more than it allows.
     */
    @Test
    void batchesAndSingleChecksAtOnceShareThePlansRate() throws Exception {
        planWithRate(5);
        String[] numbers = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "+121255502%02d".formatted(i)).toArray(String[]::new);
        consentOf(numbers);
        long before = server.ledgerSize();
        String item = """
                {"channel": "sms", "from": "+18005550199", "to": "%s", "purpose": "marketing", "commit": true,
                 "body": "Acme: batch %d, item %d: 20%% off today. Reply STOP to opt out."}""";
        List<List<String>> answers = org.consentry.store.testing.AllAtOnce.run(40, caller -> () -> {
            if (caller < 4) { // four batches, each to all thirty, from another one on
                List<String> items = java.util.stream.IntStream.range(0, numbers.length)
                        .mapToObj(i -> item.formatted(numbers[(i + 7 * caller) % numbers.length], caller, i)).toList();
                return server.post("/v1/checks/batch", acme.key(), "{\"items\": [" + String.join(",", items) + "]}")
                        .json().at("/results").findValuesAsText("decision");
            }
            return List.of(commitTo(numbers[caller % numbers.length], ", \"topic\": \"single %d\"".formatted(caller)).text("/decision"));
        });
        assertThat(answers.stream().flatMap(List::stream)).as("decisions").filteredOn("allow"::equals).hasSize(5);
        assertThat(server.ledgerSize()).as("five sends written").isEqualTo(before + 5);
    }

    /** The plan's rate counts the batch's own committed sends, to any recipient. */
    @Test
    void aBatchCountsItsOwnCommittedSendsAgainstThePlansRate() {
        assertThat(server.send("PUT", "/v1/tenants/" + acme.id() + "/plan", TestServer.ADMIN_KEY, "{\"sends_per_minute\": 2}").status())
                .isEqualTo(200);
        for (String number : java.util.List.of("+13055550100", "+13055550101", "+13055550102")) {
            assertThat(server.post("/v1/consents", acme.key(), """
                    {"address": "%s", "channel": "sms", "purpose": "marketing", "method": "web_form",
                     "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7",
                     "disclosure_text": "By checking this box you agree to receive marketing texts."}""".formatted(number)).status())
                    .isEqualTo(201);
        }
        String item = """
                {"channel": "sms", "from": "+18005550199", "to": "%s", "purpose": "marketing", "commit": true,
                 "body": "Acme: spring sale, 20%% off today. Reply STOP to opt out."}""";
        HttpAnswer batch = server.post("/v1/checks/batch", acme.key(), "{\"items\": [" + String.join(",",
                item.formatted("+13055550100"), item.formatted("+13055550101"), item.formatted("+13055550102")) + "]}");
        assertThat(batch.json().at("/results").findValuesAsText("decision")).containsExactly("allow", "allow", "defer");
        assertThat(batch.text("/results/2/reasons/0/code")).isEqualTo("THROTTLED");
    }

    /**
     * A send committed for a later minute counts in that minute and takes nothing away from this one: with a plan of
     * two a minute, a send for 2030 between this minute's sends neither lets a third through now nor escapes the
     * count of its own minute. Before, the book kept only the two minutes before its newest send_at, so one send
     * dated 2030 pushed this minute's sends out and switched the rate off.
     */
    @Test
    void aSendCommittedForALaterMinuteCountsInThatMinuteNotThisOne() {
        planWithRate(2);
        consentOf("+13055550100", "+13055550101", "+13055550102", "+13055550103", "+13055550104", "+13055550105");
        assertThat(commitTo("+13055550100", "").text("/decision")).isEqualTo("allow");
        assertThat(commitTo("+13055550101", ", \"send_at\": \"2030-06-03T16:00:00Z\"").text("/decision")).isEqualTo("allow");
        assertThat(commitTo("+13055550102", "").text("/decision")).isEqualTo("allow");
        HttpAnswer third = commitTo("+13055550103", "");
        assertThat(third.text("/decision")).as(third.body()).isEqualTo("defer");
        assertThat(third.text("/reasons/0/code")).isEqualTo("THROTTLED");
        assertThat(commitTo("+13055550104", ", \"send_at\": \"2030-06-03T16:00:30Z\"").text("/decision")).isEqualTo("allow");
        HttpAnswer thirdThen = commitTo("+13055550105", ", \"send_at\": \"2030-06-03T16:00:40Z\"");
        assertThat(thirdThen.text("/decision")).as(thirdThen.body()).isEqualTo("defer");
        assertThat(thirdThen.text("/not_before")).isEqualTo("2030-06-03T16:01:00Z");
    }

    private void planWithRate(int sendsPerMinute) {
        assertThat(server.send("PUT", "/v1/tenants/" + acme.id() + "/plan", TestServer.ADMIN_KEY,
                "{\"sends_per_minute\": " + sendsPerMinute + "}").status()).isEqualTo(200);
    }

    private void consentOf(String... numbers) {
        for (String number : numbers) {
            assertThat(server.post("/v1/consents", acme.key(), """
                    {"address": "%s", "channel": "sms", "purpose": "marketing", "method": "web_form",
                     "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7",
                     "disclosure_text": "By checking this box you agree to receive marketing texts."}""".formatted(number)).status())
                    .isEqualTo(201);
        }
    }

    /** A committed marketing text to {@code number}, with {@code extra} members. */
    private HttpAnswer commitTo(String number, String extra) {
        return server.post("/v1/checks", acme.key(), """
                {"channel": "sms", "from": "+18005550199", "to": "%s", "purpose": "marketing", "commit": true,
                 "body": "Acme: spring sale for %s, 20%% off today. Reply STOP to opt out."%s}""".formatted(number, number, extra));
    }

    @Test
    void aBatchWithABadItemNamesItAndChecksNothing() {
        HttpAnswer batch = server.post("/v1/checks/batch", acme.key(), """
                {"items": [{"channel": "sms", "from": "+18005550199", "to": "+13055550100", "purpose": "marketing"},
                           {"channel": "fax", "from": "+18005550199", "to": "+13055550100", "purpose": "marketing"}]}""");
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.isProblem()).isTrue();
        assertThat(batch.json().at("/errors").findValuesAsText("field")).containsExactly("items[1].channel");
    }

    @Test
    void aCommittedAllowedSendIsRecordedInTheLedger() {
        recordConsent();
        long before = server.ledgerSize();
        HttpAnswer verdict = check(", \"commit\": true, \"topic\": \"shoe-sale\"");
        assertThat(verdict.json().at("/committed").asBoolean()).isTrue();
        assertThat(server.ledgerSize()).isEqualTo(before + 1);
        HttpAnswer blocked = server.post("/v1/checks", acme.key(),
                "{\"channel\": \"sms\", \"from\": \"+18005550199\", \"to\": \"+13055550111\", \"purpose\": \"marketing\", \"commit\": true}");
        assertThat(blocked.json().at("/committed").asBoolean()).isFalse();
        assertThat(server.ledgerSize()).as("a blocked send is not committed").isEqualTo(before + 1);
    }

    @Test
    void aSuspendedTenantIsBlockedAndResumedIsNot() {
        recordConsent();
        assertThat(server.post("/v1/tenants/" + acme.id() + "/suspend", TestServer.ADMIN_KEY, "{\"reason\": \"complaint rate 1.2%\"}")
                .text("/status")).isEqualTo("suspended");
        assertThat(check("").text("/reasons/0/code")).isEqualTo("ACCOUNT_SUSPENDED");
        server.post("/v1/tenants/" + acme.id() + "/resume", TestServer.ADMIN_KEY, null);
        assertThat(check("").text("/decision")).isEqualTo("allow");
    }

    @Test
    void anInternalDncEntryBlocksMarketing() {
        recordConsent();
        HttpAnswer added = server.post("/v1/registries/internal/entries", acme.key(), "{\"numbers\": [\"305-555-0100\", \"+13055550100\"]}");
        assertThat(added.json().at("/added").asInt()).isEqualTo(1);
        assertThat(check("").text("/reasons/0/code")).isEqualTo("DNC_INTERNAL");
    }

    @Test
    void doubleOptInKeepsAConsentPendingUntilYes() {
        assertThat(server.send("PUT", "/v1/settings", acme.key(), "{\"double_opt_in\": {\"sms\": true}}")
                .json().at("/double_opt_in/sms").asBoolean()).isTrue();
        HttpAnswer consent = server.post("/v1/consents", acme.key(),
                "{\"address\": \"+13055550100\", \"channel\": \"sms\", \"purpose\": \"marketing\", \"method\": \"keyword\"}");
        assertThat(consent.text("/status")).isEqualTo("pending");
        assertThat(check("").text("/reasons/0/code")).isEqualTo("CONSENT_UNCONFIRMED");
        HttpAnswer yes = server.post("/v1/inbound/sms", acme.key(), "{\"from\": \"+13055550100\", \"to\": \"+18005550199\", \"body\": \"Yes\"}");
        assertThat(yes.text("/action")).isEqualTo("confirm");
        assertThat(check("").text("/decision")).isEqualTo("allow");
    }

    /** A batch written in parts that fails midway names the items already committed, so that a retry sends only the others. */
    @Test
    void aBatchThatFailsAfterWritingPartNamesWhatWasCommitted() throws Exception {
        assertThat(server.send("PUT", "/v1/tenants/" + acme.id() + "/plan", TestServer.ADMIN_KEY, "{\"sends_per_minute\": 100}").status())
                .isEqualTo(200);
        for (String number : List.of("+13055550100", "+13055550101")) {
            server.post("/v1/consents", acme.key(), """
                    {"address": "%s", "channel": "sms", "purpose": "marketing", "method": "web_form",
                     "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7",
                     "disclosure_text": "By checking this box you agree to receive marketing texts."}""".formatted(number));
        }
        long before = server.ledgerSize();
        try (Connection side = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(SqliteDatabase.FILE_NAME));
             Statement statement = side.createStatement()) { // the ledger takes one more entry, then refuses
            statement.execute("CREATE TRIGGER full_after_one BEFORE INSERT ON ledger WHEN (SELECT count(*) FROM ledger) >= "
                    + (before + 1) + " BEGIN SELECT RAISE(ABORT, 'the disk is full'); END");
        }
        String item = """
                {"channel": "sms", "from": "+18005550199", "to": "%s", "purpose": "marketing", "commit": true,
                 "body": "Acme: spring sale, 20%% off today. Reply STOP to opt out."}""";
        HttpAnswer batch = server.post("/v1/checks/batch", acme.key(), "{\"items\": [" + String.join(",",
                item.formatted("+13055550100"), item.formatted("+13055550101")) + "]}");
        assertThat(batch.status()).isEqualTo(503);
        assertThat(batch.isProblem()).isTrue();
        assertThat(batch.text("/type")).isEqualTo("urn:consentry:problem:batch-partly-committed");
        assertThat(batch.text("/detail")).contains("items[0] (chk_").doesNotContain("items[1]");
        assertThat(server.ledgerSize()).as("the first item's send was written").isEqualTo(before + 1);
    }

    @Test
    void whenTheLedgerCannotWriteChecksDeferAndWritesAreRefused() throws Exception {
        assertThat(recordConsent().status()).isEqualTo(201);
        assertThat(check("").text("/decision")).isEqualTo("allow");
        try (Connection side = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(SqliteDatabase.FILE_NAME));
             Statement statement = side.createStatement()) {
            statement.execute("ALTER TABLE ledger RENAME TO ledger_away");
        }
        HttpAnswer refused = recordConsent();
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");

        HttpAnswer verdict = check("");
        assertThat(verdict.text("/decision")).as("fail closed: %s", verdict).isEqualTo("defer");
        assertThat(verdict.text("/reasons/0/code")).isEqualTo("STORE_UNAVAILABLE");

        try (Connection side = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(SqliteDatabase.FILE_NAME));
             Statement statement = side.createStatement()) {
            statement.execute("ALTER TABLE ledger_away RENAME TO ledger");
        }
        assertThat(recordConsent().status()).as("the next write succeeds and heals the ledger").isEqualTo(201);
        assertThat(check("").text("/decision")).isEqualTo("allow");
    }
}
