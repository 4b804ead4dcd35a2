package org.consentry.store.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.store.testing.StoreFixture.START;
import static org.consentry.store.testing.StoreFixture.smsMarketing;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentMethod;
import org.consentry.consent.ConsentStatus;
import org.consentry.consent.ContactState;
import org.consentry.ledger.ConsentEvidence;
import org.consentry.policy.Channel;
import org.consentry.policy.OptOutScope;
import org.consentry.policy.Purpose;
import org.consentry.store.testing.StoreFixture;
import org.consentry.tenant.TenantSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptOutsTest {

    private static final String ANA = "+13055550100";

    @TempDir
    Path directory;

    private StoreFixture fixture;
    private OptOuts optOuts;
    private Consents consents;
    private String tenant;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory);
        optOuts = fixture.store().optOuts();
        consents = fixture.store().consents();
        tenant = fixture.tenant("Acme").profile().id();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private ContactState state() {
        return fixture.store().contacts().stateOf(tenant, ANA);
    }

    private Consent voiceConsent() {
        return consents.record(tenant, TenantSettings.DEFAULTS, new NewConsent(ANA, Channel.VOICE, Purpose.MARKETING,
                ConsentMethod.VERBAL, START.minusSeconds(60), true, ConsentEvidence.NONE));
    }

    @Test
    void anSmsOptOutRevokesTheTextConsentsAndNothingElse() {
        Consent sms = consents.record(tenant, TenantSettings.DEFAULTS, smsMarketing(ANA));
        Consent voice = voiceConsent();
        OptOuts.Change change = optOuts.optOut(tenant, ANA, Set.of(OptOutScope.SMS), START, "sms:STOP");
        assertThat(change.newlyOptedOut()).isTrue();
        assertThat(change.revokedConsents()).containsExactly(sms.id());
        assertThat(state().consent(sms.id()).status()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(state().consent(voice.id()).status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(state().optOut(OptOutScope.SMS).via()).isEqualTo("sms:STOP");
    }

    @Test
    void anOptOutOfAllRevokesEveryConsent() {
        consents.record(tenant, TenantSettings.DEFAULTS, smsMarketing(ANA));
        voiceConsent();
        optOuts.optOut(tenant, ANA, EnumSet.allOf(OptOutScope.class), START, "api");
        assertThat(state().consents()).allSatisfy(c -> assertThat(c.status()).isEqualTo(ConsentStatus.REVOKED));
        assertThat(state().optOuts()).containsOnlyKeys(OptOutScope.values());
    }

    @Test
    void aRepeatedOptOutIsRecordedButKeepsTheFirstTime() {
        optOuts.optOut(tenant, ANA, Set.of(OptOutScope.SMS), START, "sms:STOP");
        OptOuts.Change again = optOuts.optOut(tenant, ANA, Set.of(OptOutScope.SMS), START.plusSeconds(60), "sms:QUIT");
        assertThat(again.newlyOptedOut()).isFalse();
        assertThat(state().optOut(OptOutScope.SMS).at()).isEqualTo(START);
        assertThat(consents.history(tenant, ANA)).hasSize(2);
    }

    @Test
    void anOptInReinstatesWhatTheOptOutRevokedAndNothingElse() {
        Consent byOptOut = consents.record(tenant, TenantSettings.DEFAULTS, smsMarketing(ANA));
        Consent revokedAlone = consents.record(tenant, TenantSettings.DEFAULTS, smsMarketing(ANA));
        consents.revoke(tenant, revokedAlone.id(), START, "api");
        optOuts.optOut(tenant, ANA, Set.of(OptOutScope.SMS), START, "sms:STOP");
        OptOuts.Lifted lifted = optOuts.optIn(tenant, ANA, Set.of(OptOutScope.SMS), START.plusSeconds(60), "sms:START");
        assertThat(lifted.reinstatedConsents()).containsExactly(byOptOut.id());
        assertThat(state().consent(byOptOut.id()).status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(state().consent(revokedAlone.id()).status()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(state().optOuts()).isEmpty();
    }

    @Test
    void anOptInOfTextsLeavesTheRestOfAnOptOutOfAll() {
        optOuts.optOut(tenant, ANA, EnumSet.allOf(OptOutScope.class), START, "api");
        optOuts.optIn(tenant, ANA, Set.of(OptOutScope.SMS), START.plusSeconds(60), "sms:START");
        assertThat(state().optOuts()).containsOnlyKeys(OptOutScope.EMAIL, OptOutScope.VOICE);
    }

    @Test
    void anOptInWithoutAnOptOutChangesNothing() {
        assertThat(optOuts.optIn(tenant, ANA, Set.of(OptOutScope.SMS), START, "sms:START").changedAnything()).isFalse();
        assertThat(consents.history(tenant, ANA)).isEmpty();
    }

    @Test
    void anOptInLiftsOnlyAnOptOutMadeBeforeIt() {
        consents.record(tenant, TenantSettings.DEFAULTS, smsMarketing(ANA));
        optOuts.optOut(tenant, ANA, Set.of(OptOutScope.SMS), START, "sms:STOP");
        assertThat(optOuts.optIn(tenant, ANA, Set.of(OptOutScope.SMS), START.minusSeconds(60), "sms:START").changedAnything())
                .as("a START stamped before the STOP").isFalse();
        assertThat(optOuts.optIn(tenant, ANA, Set.of(OptOutScope.SMS), START, "sms:START").changedAnything())
                .as("one stamped at the same second").isFalse();
        optOuts.optOut(tenant, ANA, Set.of(OptOutScope.SMS), START.plusSeconds(120), "sms:STOP");
        assertThat(state().optOut(OptOutScope.SMS).at()).as("first recorded").isEqualTo(START);
        assertThat(optOuts.optIn(tenant, ANA, Set.of(OptOutScope.SMS), START.plusSeconds(60), "sms:START").changedAnything())
                .as("one between two STOPs").isFalse();
        assertThat(state().optOut(OptOutScope.SMS)).isNotNull();
        assertThat(optOuts.optIn(tenant, ANA, Set.of(OptOutScope.SMS), START.plusSeconds(121), "sms:START").changedAnything()).isTrue();
        assertThat(state().optOut(OptOutScope.SMS)).isNull();
    }

    @Test
    void stopsArrivingTogetherAreOneNewOptOutAndOneRevocation() throws Exception {
        Consent sms = consents.record(tenant, TenantSettings.DEFAULTS, smsMarketing(ANA));
        java.util.List<OptOuts.Change> changes = org.consentry.store.testing.AllAtOnce.run(16,
                caller -> () -> optOuts.optOut(tenant, ANA, Set.of(OptOutScope.SMS), START, "sms:STOP"));
        assertThat(changes).filteredOn(OptOuts.Change::newlyOptedOut).hasSize(1);
        assertThat(changes).flatExtracting(OptOuts.Change::revokedConsents).containsExactly(sms.id());
        assertThat(consents.history(tenant, ANA)).extracting(e -> e.event().type().storedName())
                .filteredOn("consent.revoked"::equals).hasSize(1);
    }
}
