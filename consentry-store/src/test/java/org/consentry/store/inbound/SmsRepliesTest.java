package org.consentry.store.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.store.testing.StoreFixture.START;
import static org.consentry.store.testing.StoreFixture.smsMarketing;

import java.nio.file.Path;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStatus;
import org.consentry.policy.OptOutScope;
import org.consentry.store.testing.StoreFixture;
import org.consentry.tenant.TenantProfile;
import org.consentry.tenant.TenantSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsRepliesTest {

    private static final String ANA = "+13055550100";

    @TempDir
    Path directory;

    private StoreFixture fixture;
    private SmsReplies replies;
    private TenantProfile acme;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory);
        replies = fixture.store().replies();
        acme = fixture.store().tenants().profile(fixture.tenantWithSender("Acme"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Consent status(String id) {
        return fixture.store().contacts().stateOf(acme.id(), ANA).consent(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", "Stop.", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"})
    void everyOptOutKeywordOptsOutOfTextsAndRevokesTheirConsents(String body) {
        Consent consent = fixture.store().consents().record(acme.id(), TenantSettings.DEFAULTS, smsMarketing(ANA));
        ReplyOutcome outcome = replies.handle(acme, ANA, body, START);
        assertThat(outcome.action()).isEqualTo(ReplyAction.OPT_OUT);
        assertThat(outcome.reply()).isEqualTo("Acme: You are unsubscribed and will receive no more messages. Reply START to resubscribe.");
        assertThat(status(consent.id()).status()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(fixture.store().contacts().stateOf(acme.id(), ANA).optOut(OptOutScope.SMS)).isNotNull();
    }

    @Test
    void aSecondStopIsRecordedButNotConfirmedAgain() {
        replies.handle(acme, ANA, "STOP", START);
        ReplyOutcome second = replies.handle(acme, ANA, "STOP", START.plusSeconds(30));
        assertThat(second.action()).isEqualTo(ReplyAction.OPT_OUT);
        assertThat(second.reply()).isNull();
    }

    @Test
    void startAfterStopResubscribesAndReinstatesTheConsent() {
        Consent consent = fixture.store().consents().record(acme.id(), TenantSettings.DEFAULTS, smsMarketing(ANA));
        replies.handle(acme, ANA, "STOP", START);
        ReplyOutcome outcome = replies.handle(acme, ANA, "START", START.plusSeconds(60));
        assertThat(outcome.action()).isEqualTo(ReplyAction.OPT_IN);
        assertThat(outcome.reply()).startsWith("Acme: You are subscribed again.");
        assertThat(status(consent.id()).status()).isEqualTo(ConsentStatus.ACTIVE);
    }

    @Test
    void startWithoutAnOptOutSendsNothing() {
        ReplyOutcome outcome = replies.handle(acme, ANA, "UNSTOP", START);
        assertThat(outcome.action()).isEqualTo(ReplyAction.OPT_IN);
        assertThat(outcome.reply()).isNull();
    }

    @Test
    void yesConfirmsAPendingDoubleOptIn() {
        Consent consent = fixture.store().consents().record(acme.id(), new TenantSettings(true, false), smsMarketing(ANA));
        ReplyOutcome outcome = replies.handle(acme, ANA, "yes", START);
        assertThat(outcome.action()).isEqualTo(ReplyAction.CONFIRM);
        assertThat(outcome.reply()).contains("confirmed").contains("Msg & data rates may apply").contains("STOP");
        assertThat(status(consent.id()).status()).isEqualTo(ConsentStatus.ACTIVE);
    }

    @Test
    void yesAfterStopOptsBackIn() {
        replies.handle(acme, ANA, "STOP", START);
        assertThat(replies.handle(acme, ANA, "YES", START.plusSeconds(60)).action()).isEqualTo(ReplyAction.OPT_IN);
    }

    @Test
    void yesWithNothingToConfirmIsJustAReply() {
        ReplyOutcome outcome = replies.handle(acme, ANA, "YES", START);
        assertThat(outcome.action()).isEqualTo(ReplyAction.NONE);
        assertThat(outcome.reply()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "info", "Help?"})
    void helpAnswersWithTheBrandSupportRatesAndStop(String body) {
        ReplyOutcome outcome = replies.handle(acme, ANA, body, START);
        assertThat(outcome.action()).isEqualTo(ReplyAction.HELP);
        assertThat(outcome.reply()).isEqualTo("Acme: Help: help@acme.example. Msg frequency varies. Msg & data rates may apply. Reply STOP to opt out.");
        assertThat(fixture.store().consents().history(acme.id(), ANA)).as("help changes nothing").isEmpty();
    }

    @Test
    void anythingElseIsLeftAlone() {
        ReplyOutcome outcome = replies.handle(acme, ANA, "see you at 5", START);
        assertThat(outcome.action()).isEqualTo(ReplyAction.NONE);
        assertThat(outcome.reply()).isNull();
    }

    @Test
    void stopAllOptsOutEveryTenantThatTextedTheRecipientFromThatNumber() {
        String globex = fixture.store().tenants().create(new org.consentry.store.tenant.NewTenant("Globex Inc.", "Globex", "retail", "US",
                "2 Main St, Miami FL 33101", null)).profile().id();
        String initech = fixture.store().tenants().create(new org.consentry.store.tenant.NewTenant("Initech Inc.", "Initech", "retail", "US",
                "3 Main St, Miami FL 33101", null)).profile().id();
        // a shared number's history: Globex texted Ana from it (before the number was Acme's), Initech from another
        fixture.store().ledger().append(globex, java.util.List.of(new org.consentry.ledger.SendCommitted("chk_1", ANA,
                org.consentry.policy.Channel.SMS, org.consentry.policy.Purpose.MARKETING, "(800) 555-0199", START.minusSeconds(3_600),
                null, null, null, null, java.util.List.of())));
        fixture.store().ledger().append(initech, java.util.List.of(new org.consentry.ledger.SendCommitted("chk_2", ANA,
                org.consentry.policy.Channel.SMS, org.consentry.policy.Purpose.MARKETING, "+18005550111", START.minusSeconds(3_600),
                null, null, null, null, java.util.List.of())));

        ReplyOutcome outcome = replies.handle(acme, ANA, "+18005550199", "STOPALL", START);
        assertThat(outcome.action()).isEqualTo(ReplyAction.OPT_OUT);
        assertThat(fixture.store().contacts().stateOf(acme.id(), ANA).optOut(OptOutScope.SMS)).isNotNull();
        assertThat(fixture.store().contacts().stateOf(globex, ANA).optOut(OptOutScope.SMS).via()).isEqualTo("sms:STOPALL to +18005550199");
        assertThat(fixture.store().contacts().stateOf(initech, ANA).optOut(OptOutScope.SMS)).as("another number").isNull();

        replies.handle(acme, "+13055550101", "+18005550199", "STOP", START);
        assertThat(fixture.store().contacts().stateOf(globex, "+13055550101").optOut(OptOutScope.SMS)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP ALL", "stop all", "Stop-All", "STOP_ALL please"})
    void stopAllWrittenAsTwoWordsIsStopall(String body) {
        String globex = fixture.store().tenants().create(new org.consentry.store.tenant.NewTenant("Globex Inc.", "Globex", "retail", "US",
                "2 Main St, Miami FL 33101", null)).profile().id();
        fixture.store().ledger().append(globex, java.util.List.of(new org.consentry.ledger.SendCommitted("chk_1", ANA,
                org.consentry.policy.Channel.SMS, org.consentry.policy.Purpose.MARKETING, "+18005550199", START.minusSeconds(3_600),
                null, null, null, null, java.util.List.of())));

        ReplyOutcome outcome = replies.handle(acme, ANA, "+18005550199", body, START);
        assertThat(outcome.action()).isEqualTo(ReplyAction.OPT_OUT);
        assertThat(outcome.keyword()).isEqualTo("STOP ALL");
        assertThat(outcome.ambiguous()).isFalse();
        assertThat(fixture.store().contacts().stateOf(globex, ANA).optOut(OptOutScope.SMS)).isNotNull();
    }
}
