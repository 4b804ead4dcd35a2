package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replies in the recipient's own words through {@code POST /v1/inbound/sms}, and what the next check makes of them. */
class InboundRepliesTest extends ServerWithAcme {

    private static final String CHECK = """
            {"channel": "sms", "from": "+18005550199", "to": "+13055550100", "purpose": "marketing",
             "body": "Acme: spring sale, 20% off today. Reply STOP to opt out."}""";

    @BeforeEach
    void start() {
        HttpAnswer consent = server.post("/v1/consents", acme.key(), """
                {"address": "+13055550100", "channel": "sms", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-01-10T15:00:00Z", "confirmed": true, "ip": "203.0.113.7",
                 "user_agent": "Mozilla/5.0", "source_url": "https://shop.example/join",
                 "disclosure_text": "By checking this box you agree to receive up to 4 marketing texts a month.",
                 "frequency": "4/month"}""");
        assertThat(consent.status()).isEqualTo(201);
    }

    private HttpAnswer reply(String text) {
        return server.post("/v1/inbound/sms", acme.key(),
                "{\"from\": \"+13055550100\", \"to\": \"+18005550199\", \"body\": \"" + text + "\"}");
    }

    private String decision() {
        return server.post("/v1/checks", acme.key(), CHECK).text("/decision");
    }

    @ParameterizedTest
    @ValueSource(strings = {"please stop texting me", "Leave me alone!!", "BAJA", "Ne m'envoyez plus de SMS", "Keine Nachrichten mehr",
        "stooop 🛑", "wrong number"})
    void aRevocationInTheRecipientsOwnWordsBlocksTheVeryNextCheck(String text) {
        assertThat(decision()).isEqualTo("allow");
        HttpAnswer answer = reply(text);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("/action")).isEqualTo("opt_out");
        assertThat(answer.json().at("/ambiguous").asBoolean()).isFalse();
        assertThat(answer.text("/why")).isNotBlank();
        assertThat(answer.text("/reply")).startsWith("Acme: You are unsubscribed");
        assertThat(decision()).isEqualTo("block");
    }

    @Test
    void aReplyThatMayBeARevocationIsTakenAsOneAndSaysWhy() {
        HttpAnswer answer = reply("can you stop?");
        assertThat(answer.text("/action")).isEqualTo("opt_out");
        assertThat(answer.json().at("/ambiguous").asBoolean()).isTrue();
        assertThat(answer.text("/why")).contains("'stop'").contains("fail closed");
        assertThat(answer.text("/keyword")).isEqualTo("STOP");
        assertThat(decision()).isEqualTo("block");

        HttpAnswer evidence = server.get("/v1/evidence?address=%2B13055550100", acme.key());
        assertThat(evidence.json().at("/events").findValuesAsText("via")).contains("sms:STOP");
    }

    /** A long reply (a rant, a pasted message, an MMS text) is read from its beginning, not refused: its STOP still counts. */
    @Test
    void aReplyLongerThanOneThousandSixHundredCharactersIsStillReadAndItsStopHonoured() {
        HttpAnswer answer = reply("STOP. " + "I never asked for any of this. ".repeat(60));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("/action")).isEqualTo("opt_out");
        assertThat(decision()).isEqualTo("block");
    }

    @Test
    void onlyOneConfirmationIsSentForRepeatedRevocations() {
        assertThat(reply("STOP").text("/reply")).startsWith("Acme: You are unsubscribed");
        HttpAnswer again = reply("I said stop!!");
        assertThat(again.text("/action")).isEqualTo("opt_out");
        assertThat(again.json().at("/reply").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"I'll stop by the store at 5", "Don't stop!", "can you stop by?", "See you Thursday", "Cancel my appointment for tomorrow"})
    void anOrdinaryReplyChangesNothing(String text) {
        HttpAnswer answer = reply(text);
        assertThat(answer.text("/action")).isEqualTo("none");
        assertThat(answer.json().at("/reply").isNull()).isTrue();
        assertThat(answer.text("/why")).isNotBlank();
        assertThat(decision()).isEqualTo("allow");
    }

    @Test
    void helpInAnyOfTheFourLanguagesGetsTheHelpText() {
        for (String text : new String[] {"HELP", "Who is this?", "Ayuda", "Aide svp", "Hilfe"}) {
            HttpAnswer answer = reply(text);
            assertThat(answer.text("/action")).as(text).isEqualTo("help");
            assertThat(answer.text("/reply")).as(text).startsWith("Acme").contains("Msg frequency: 4/month")
                    .contains("Msg & data rates may apply").contains("Reply STOP to opt out");
        }
    }

    @Test
    void startAfterAStopOptsBackIn() {
        reply("please stop");
        assertThat(decision()).isEqualTo("block");
        HttpAnswer start = reply("START");
        assertThat(start.text("/action")).isEqualTo("opt_in");
        assertThat(reply("start again next week maybe").text("/action")).as("an opt-in must be the whole reply").isEqualTo("none");
    }

    @Test
    void theAccountsOwnKeywordsWorkAloneAndCannotUndoARevocation() {
        HttpAnswer settings = server.send("PUT", "/v1/settings", acme.key(), """
                {"reply_keywords": [{"keyword": "JOIN", "action": "opt_in"}, {"keyword": "Menu", "action": "help"},
                                    {"keyword": "no more deals", "action": "opt_out"}]}""");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.json().at("/reply_keywords").findValuesAsText("keyword")).containsExactly("join", "menu", "no more deals");

        assertThat(reply("MENU").text("/action")).isEqualTo("help");
        assertThat(reply("no more deals!").text("/action")).isEqualTo("opt_out");
        assertThat(decision()).isEqualTo("block");
        HttpAnswer join = reply("join");
        assertThat(join.text("/action")).isEqualTo("opt_in");
        assertThat(join.text("/why")).contains("account's own keywords");

        HttpAnswer refused = server.send("PUT", "/v1/settings", acme.key(),
                "{\"reply_keywords\": [{\"keyword\": \"STOP\", \"action\": \"opt_in\"}]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("reply_keywords[0].keyword").contains("already means opt_out");
        assertThat(server.send("PUT", "/v1/settings", acme.key(), "{\"reply_keywords\": [{\"keyword\": \"HALT\", \"action\": \"opt_in\"}]}")
                .status()).as("a word meaning stop cannot be made an opt-in").isEqualTo(400);
        assertThat(server.send("PUT", "/v1/settings", acme.key(),
                "{\"reply_keywords\": [{\"keyword\": \"JOIN\", \"action\": \"confirm\"}]}").body()).contains("reply_keywords[0].action");

        server.close();
        server = new TestServer(directory, clock);
        assertThat(reply("Menu").text("/action")).as("the keywords survive a restart (replayed from the ledger)").isEqualTo("help");
    }

    /** Twenty STOPs at once (a handset resending, a carrier retrying a webhook): one confirmation, one revocation. */
    @Test
    void stopsArrivingTogetherAreAnsweredWithOneConfirmation() throws Exception {
        java.util.List<HttpAnswer> answers = org.consentry.store.testing.AllAtOnce.run(20, caller -> () -> reply("STOP"));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.text("/action")).isEqualTo("opt_out"));
        assertThat(answers).as("confirmation texts to send").filteredOn(answer -> !answer.json().at("/reply").isNull()).hasSize(1);
        HttpAnswer evidence = server.get("/v1/evidence?address=%2B13055550100", acme.key());
        assertThat(evidence.json().at("/events").findValuesAsText("type")).filteredOn("consent.revoked"::equals).hasSize(1);
        assertThat(decision()).isEqualTo("block");
    }

    /** A START that reaches us late, stamped before the STOP it would undo, lifts nothing: the newer opt-out stands. */
    @Test
    void anOptInStampedBeforeTheOptOutDoesNotLiftIt() {
        clock.set(java.time.Instant.parse("2026-03-14T18:00:00Z"));
        assertThat(server.post("/v1/inbound/sms", acme.key(), """
                {"from": "+13055550100", "to": "+18005550199", "body": "STOP", "at": "2026-03-14T17:00:00Z"}""").text("/action"))
                .isEqualTo("opt_out");
        HttpAnswer late = server.post("/v1/inbound/sms", acme.key(), """
                {"from": "+13055550100", "to": "+18005550199", "body": "START", "at": "2026-03-14T16:00:00Z"}""");
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().at("/reply").isNull()).as("no 'subscribed again' text").isTrue();
        assertThat(decision()).isEqualTo("block");

        HttpAnswer again = server.post("/v1/inbound/sms", acme.key(), """
                {"from": "+13055550100", "to": "+18005550199", "body": "STOP", "at": "2026-03-14T17:30:00Z"}""");
        assertThat(again.text("/action")).isEqualTo("opt_out");
        HttpAnswer between = server.post("/v1/inbound/sms", acme.key(), """
                {"from": "+13055550100", "to": "+18005550199", "body": "START", "at": "2026-03-14T17:15:00Z"}""");
        assertThat(between.json().at("/reply").isNull()).as("a START between two STOPs lifts neither").isTrue();
        assertThat(decision()).isEqualTo("block");

        HttpAnswer after = server.post("/v1/inbound/sms", acme.key(), """
                {"from": "+13055550100", "to": "+18005550199", "body": "START", "at": "2026-03-14T17:45:00Z"}""");
        assertThat(after.text("/reply")).contains("subscribed");
        assertThat(decision()).isEqualTo("allow");
    }

    /** A YES reported late, stamped before the person signed up, is no answer to the confirmation text sent after it. */
    @Test
    void aYesStampedBeforeTheSignUpConfirmsNothing() {
        assertThat(server.send("PUT", "/v1/settings", acme.key(), "{\"double_opt_in\": {\"sms\": true}}").status()).isEqualTo(200);
        HttpAnswer pending = server.post("/v1/consents", acme.key(), """
                {"address": "+13055550111", "channel": "sms", "purpose": "marketing", "method": "web_form",
                 "captured_at": "2026-03-14T15:00:00Z", "frequency": "4/month"}""");
        assertThat(pending.text("/status")).isEqualTo("pending");
        HttpAnswer early = server.post("/v1/inbound/sms", acme.key(),
                "{\"from\": \"+13055550111\", \"to\": \"+18005550199\", \"body\": \"YES\", \"at\": \"2026-03-14T14:59:00Z\"}");
        assertThat(early.status()).isEqualTo(200);
        assertThat(early.text("/action")).isEqualTo("none");
        String check = CHECK.replace("+13055550100", "+13055550111");
        assertThat(server.post("/v1/checks", acme.key(), check).json().at("/reasons").findValuesAsText("code")).contains("CONSENT_UNCONFIRMED");

        HttpAnswer after = server.post("/v1/inbound/sms", acme.key(),
                "{\"from\": \"+13055550111\", \"to\": \"+18005550199\", \"body\": \"YES\"}");
        assertThat(after.text("/action")).isEqualTo("confirm");
        assertThat(server.post("/v1/checks", acme.key(), check).json().at("/reasons").findValuesAsText("code")).doesNotContain("CONSENT_UNCONFIRMED");
    }
}
