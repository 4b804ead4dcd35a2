package org.consentry.store.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consentry.store.testing.StoreFixture.smsMarketing;

import java.nio.file.Path;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStanding;
import org.consentry.consent.ConsentStatus;
import org.consentry.policy.OptOutScope;
import org.consentry.policy.SendRequest;
import org.consentry.store.RequestRefused;
import org.consentry.store.testing.StoreFixture;
import org.consentry.testing.SendRequests;
import org.consentry.tenant.TenantSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentsTest {

    private static final String ANA = "+13055550100";

    @TempDir
    Path directory;

    private StoreFixture fixture;
    private Consents consents;
    private String tenant;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory);
        consents = fixture.store().consents();
        tenant = fixture.tenant("Acme").profile().id();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void withoutDoubleOptInAConsentIsActiveAtOnce() {
        Consent consent = consents.record(tenant, TenantSettings.DEFAULTS, smsMarketing(ANA));
        assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(consent.id()).startsWith("con_");
    }

    @Test
    void underDoubleOptInAnUnconfirmedConsentWaitsForItsConfirmation() {
        Consent consent = consents.record(tenant, new TenantSettings(true, false), smsMarketing(ANA));
        assertThat(consent.status()).isEqualTo(ConsentStatus.PENDING);
        assertThat(consents.confirmPending(tenant, ANA, OptOutScope.SMS, StoreFixture.START, "sms:YES")).containsExactly(consent.id());
        assertThat(consents.find(tenant, consent.id()).status()).isEqualTo(ConsentStatus.ACTIVE);
    }

    /** A STOP revokes a pending consent, a START brings it back: it waits for its confirmation again, listed, and lapses. */
    @Test
    void aPendingConsentBroughtBackByStartIsPendingAgain() {
        Consent consent = consents.record(tenant, new TenantSettings(true, false), smsMarketing(ANA));
        OptOuts optOuts = fixture.store().optOuts();
        optOuts.optOut(tenant, ANA, java.util.Set.of(OptOutScope.SMS), StoreFixture.START.plusSeconds(60), "sms:STOP");
        assertThat(fixture.store().contacts().pendingOf(tenant)).isEmpty();
        optOuts.optIn(tenant, ANA, java.util.Set.of(OptOutScope.SMS), StoreFixture.START.plusSeconds(120), "sms:START");
        assertThat(consents.find(tenant, consent.id()).status()).isEqualTo(ConsentStatus.PENDING);
        assertThat(fixture.store().contacts().pendingOf(tenant)).extracting(p -> p.consentId()).containsExactly(consent.id());
        assertThat(fixture.store().contacts().pendingBefore(java.time.Instant.MAX)).extracting(p -> p.consentId())
                .containsExactly(consent.id());
    }

    @Test
    void aConsentAlreadyConfirmedIsActiveEvenUnderDoubleOptIn() {
        var confirmed = smsMarketing(ANA);
        confirmed = new NewConsent(confirmed.address(), confirmed.channel(), confirmed.purpose(), confirmed.method(),
                confirmed.capturedAt(), true, confirmed.evidence());
        assertThat(consents.record(tenant, new TenantSettings(true, true), confirmed).status()).isEqualTo(ConsentStatus.ACTIVE);
    }

    @Test
    void revokingTwiceRecordsOneRevocation() {
        Consent consent = consents.record(tenant, TenantSettings.DEFAULTS, smsMarketing(ANA));
        Consent revoked = consents.revoke(tenant, consent.id(), StoreFixture.START, "api");
        consents.revoke(tenant, consent.id(), StoreFixture.START.plusSeconds(60), "api");
        assertThat(revoked.status()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(revoked.revokedAt()).isEqualTo(StoreFixture.START);
        assertThat(consents.history(tenant, ANA)).extracting(e -> e.event().type().storedName())
                .containsExactly("consent.granted", "consent.revoked");
    }

    @Test
    void anotherTenantsConsentIsNotFound() {
        Consent consent = consents.record(tenant, TenantSettings.DEFAULTS, smsMarketing(ANA));
        String other = fixture.tenant("Other").profile().id();
        assertThatThrownBy(() -> consents.revoke(other, consent.id(), StoreFixture.START, "api"))
                .isInstanceOfSatisfying(RequestRefused.class, r -> assertThat(r.kind()).isEqualTo(RequestRefused.Kind.NOT_FOUND));
        assertThatThrownBy(() -> consents.find(tenant, "con_nope")).isInstanceOf(RequestRefused.class);
    }

    @Test
    void aConsentCannotBeRevokedBeforeItWasCaptured() {
        Consent consent = consents.record(tenant, TenantSettings.DEFAULTS, smsMarketing(ANA));
        assertThatThrownBy(() -> consents.revoke(tenant, consent.id(), consent.capturedAt().minusSeconds(1), "api"))
                .isInstanceOfSatisfying(RequestRefused.class, r -> {
                    assertThat(r.kind()).isEqualTo(RequestRefused.Kind.UNACCEPTABLE);
                    assertThat(r.field()).isEqualTo("at");
                });
        assertThat(consents.find(tenant, consent.id()).status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(consents.revoke(tenant, consent.id(), consent.capturedAt(), "api").status()).isEqualTo(ConsentStatus.REVOKED);
    }

    /** Revocations and confirmations of one person arriving together are each decided once, under the person's lock. */
    @Test
    void concurrentRevocationsAndConfirmationsAreEachRecordedOnce() throws Exception {
        Consent revoked = consents.record(tenant, TenantSettings.DEFAULTS, smsMarketing(ANA));
        String bea = "+13055550111";
        Consent pending = consents.record(tenant, new TenantSettings(true, false), smsMarketing(bea));
        org.consentry.store.testing.AllAtOnce.run(16, caller -> () -> caller % 2 == 0
                ? consents.revoke(tenant, revoked.id(), StoreFixture.START, "api")
                : consents.confirmPending(tenant, bea, OptOutScope.SMS, StoreFixture.START, "sms:YES"));
        assertThat(consents.history(tenant, ANA)).extracting(e -> e.event().type().storedName())
                .containsExactly("consent.granted", "consent.revoked");
        assertThat(consents.history(tenant, bea)).extracting(e -> e.event().type().storedName())
                .containsExactly("consent.granted", "consent.confirmed");
        assertThat(consents.find(tenant, pending.id()).status()).isEqualTo(ConsentStatus.ACTIVE);
    }

    /** A YES stamped before the consent was given (a reply reported late) answers nothing of it: it stays pending. */
    @Test
    void aYesSentBeforeTheConsentWasGivenConfirmsNothing() {
        Consent consent = consents.record(tenant, new TenantSettings(true, false), smsMarketing(ANA));
        assertThat(consents.confirmPending(tenant, ANA, OptOutScope.SMS, consent.capturedAt().minusSeconds(60), "sms:YES")).isEmpty();
        assertThat(consents.find(tenant, consent.id()).status()).isEqualTo(ConsentStatus.PENDING);
        assertThat(consents.confirmPending(tenant, ANA, OptOutScope.SMS, consent.capturedAt(), "sms:YES")).containsExactly(consent.id());
        assertThat(consents.find(tenant, consent.id()).status()).isEqualTo(ConsentStatus.ACTIVE);
    }

    /**
     * A permission pass on an import does not undo a withdrawal: the recipient withdrew the imported consent, which
     * withdrew the one given on the web form before it (47 CFR 64.1200(a)(10)); sending that consent back to pending
     * must not turn the withdrawal into a lapse, or the older consent would count again.
     */
    @Test
    void aPermissionPassDoesNotUndoAWithdrawal() {
        Consent web = consents.record(tenant, TenantSettings.DEFAULTS, smsMarketing(ANA));
        NewConsent row = smsMarketing(ANA);
        Consent imported = consents.record(tenant, TenantSettings.DEFAULTS, new NewConsent(ANA, row.channel(), row.purpose(),
                row.method(), row.capturedAt().plusSeconds(3_600), false,
                new org.consentry.ledger.ConsentEvidence(null, null, null, null, null, "expo 2025 sign-up sheet")));
        consents.revoke(tenant, imported.id(), StoreFixture.START, "api: the recipient asked to stop");
        SendRequest marketingText = SendRequests.marketingSms().to(ANA).at(StoreFixture.START.plusSeconds(60)).build();
        assertThat(standing(marketingText)).isEqualTo(ConsentStanding.Kind.REVOKED);

        consents.requirePermissionPass(tenant, null, "expo 2025 sign-up sheet", "list of unknown origin");

        assertThat(consents.find(tenant, web.id()).status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(standing(marketingText)).isEqualTo(ConsentStanding.Kind.REVOKED);
    }

    /**
     * A consent decided active just before a permission pass that reaches it, and written just after it (record and import
     * decide the status, then append; the pass takes no recipient's lock), waits for its confirmation as any consent
     * recorded after the pass does: the pass reaches it whenever it is recorded.
     */
    @Test
    void aConsentWrittenJustAfterAPassThatReachesItWaitsForItsConfirmation() {
        NewConsent row = smsMarketing(ANA);
        consents.requirePermissionPass(tenant, StoreFixture.START, null, "list of unknown origin");
        fixture.store().ledger().append(tenant, java.util.List.of(new org.consentry.ledger.ConsentGranted("con_raced", ANA, row.channel(),
                row.purpose(), row.method(), ConsentStatus.ACTIVE, row.capturedAt(), false, row.evidence())));

        assertThat(consents.find(tenant, "con_raced").status()).isEqualTo(ConsentStatus.PENDING);
        assertThat(fixture.store().contacts().pendingOf(tenant)).extracting(p -> p.consentId()).containsExactly("con_raced");
        assertThat(fixture.reopen().consents().find(tenant, "con_raced").status()).isEqualTo(ConsentStatus.PENDING);
    }

    private ConsentStanding.Kind standing(SendRequest request) {
        return ConsentStanding.of(request, fixture.store().contacts().stateOf(tenant, ANA), "US").kind();
    }
}
