package org.consentry.store.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.consentry.store.RequestRefused;
import org.consentry.store.keys.ApiKeys;
import org.consentry.store.projection.Sender;
import org.consentry.store.testing.StoreFixture;
import org.consentry.tenant.SenderKind;
import org.consentry.tenant.SenderStatus;
import org.consentry.tenant.TenantSettings;
import org.consentry.tenant.TenantStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantsTest {

    @TempDir
    Path directory;

    private StoreFixture fixture;
    private Tenants tenants;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory);
        tenants = fixture.store().tenants();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aNewTenantIsActiveAndItsKeyFindsIt() {
        CreatedTenant created = fixture.tenant("Acme");
        assertThat(created.profile().status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(created.profile().id()).startsWith("ten_");
        assertThat(created.apiKey()).startsWith("csk_").hasSizeGreaterThan(40);
        assertThat(fixture.store().directory().tenantForKeyHash(ApiKeys.hash(created.apiKey()))).hasValue(created.profile().id());
    }

    @Test
    void refusesARestrictedIndustry() {
        assertThatThrownBy(() -> tenants.create(new NewTenant("Green Leaf", "Green Leaf", "Cannabis dispensary", "US", null, null)))
                .isInstanceOfSatisfying(RequestRefused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(RequestRefused.Kind.UNACCEPTABLE);
                    assertThat(refused.field()).isEqualTo("industry");
                });
    }

    @Test
    void suspendsAndResumesWithTheReasonRecorded() {
        String id = fixture.tenant("Acme").profile().id();
        assertThat(tenants.changeStatus(id, TenantStatus.SUSPENDED, "complaint rate 1.2%").statusReason()).isEqualTo("complaint rate 1.2%");
        assertThat(tenants.changeStatus(id, TenantStatus.ACTIVE, "remediated").status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(fixture.store().ledger().verify(id).length()).isEqualTo(4);
    }

    @Test
    void terminationIsFinal() {
        String id = fixture.tenant("Acme").profile().id();
        tenants.changeStatus(id, TenantStatus.TERMINATED, "fraud");
        assertThatThrownBy(() -> tenants.changeStatus(id, TenantStatus.ACTIVE, "oops"))
                .isInstanceOfSatisfying(RequestRefused.class, r -> assertThat(r.kind()).isEqualTo(RequestRefused.Kind.CONFLICT));
    }

    @Test
    void aPhoneNumberBelongsToOneTenant() {
        String acme = fixture.tenantWithSender("Acme");
        String other = fixture.tenant("Other").profile().id();
        assertThatThrownBy(() -> tenants.registerSender(other, "+18005550199", SenderKind.PHONE, true))
                .isInstanceOfSatisfying(RequestRefused.class, r -> assertThat(r.field()).isEqualTo("address"));
        assertThat(fixture.store().directory().ownerOfPhone("+18005550199")).hasValue(acme);
    }

    /**
     * A pending claim does not keep a number from the account the provider verifies it for, and yields the number's
     * replies to it; another account's claim on a verified number is refused.
     */
    @Test
    void aPendingClaimOnANumberYieldsToTheProvidersVerification() {
        String squatter = fixture.tenant("Squatter").profile().id();
        String owner = fixture.tenant("Owner").profile().id();
        tenants.registerSender(squatter, "+18005550222", SenderKind.PHONE, false);
        assertThatThrownBy(() -> tenants.registerSender(owner, "+18005550222", SenderKind.PHONE, false))
                .as("two claims: the first holds until the provider decides").isInstanceOf(RequestRefused.class);
        assertThat(tenants.registerSender(owner, "+18005550222", SenderKind.PHONE, true).status()).isEqualTo(SenderStatus.VERIFIED);
        assertThat(fixture.store().directory().ownerOfPhone("+18005550222")).hasValue(owner);
        assertThatThrownBy(() -> tenants.registerSender(squatter, "+18005550222", SenderKind.PHONE, true))
                .isInstanceOfSatisfying(RequestRefused.class, r -> assertThat(r.kind()).isEqualTo(RequestRefused.Kind.CONFLICT));
        assertThat(fixture.store().directory().ownerOfPhone("+18005550222")).hasValue(owner);
    }

    /** Another account's claim on a verified domain would make it the one charged for the domain's complaints and bounces. */
    @Test
    void aVerifiedEmailDomainBelongsToOneTenant() {
        String acme = fixture.tenant("Acme").profile().id();
        String other = fixture.tenant("Other").profile().id();
        tenants.registerSender(acme, "acme.example", SenderKind.EMAIL_DOMAIN, true);
        assertThatThrownBy(() -> tenants.registerSender(other, "acme.example", SenderKind.EMAIL_DOMAIN, false))
                .isInstanceOfSatisfying(RequestRefused.class, r -> {
                    assertThat(r.kind()).isEqualTo(RequestRefused.Kind.CONFLICT);
                    assertThat(r.field()).isEqualTo("address");
                });
        assertThat(fixture.store().directory().ownerOfEmailDomain("acme.example")).hasValue(acme);
        tenants.registerSender(other, "other.example", SenderKind.EMAIL_DOMAIN, false);
        tenants.registerSender(acme, "other.example", SenderKind.EMAIL_DOMAIN, true);
        assertThat(fixture.store().directory().ownerOfEmailDomain("other.example")).as("a pending claim yields to a verified one")
                .hasValue(acme);
    }

    @Test
    void aVerifiedRegistrationUpgradesAPendingSenderAndKeepsItsId() {
        String id = fixture.tenant("Acme").profile().id();
        Sender pending = tenants.registerSender(id, "acme.example", SenderKind.EMAIL_DOMAIN, false);
        Sender verified = tenants.registerSender(id, "acme.example", SenderKind.EMAIL_DOMAIN, true);
        assertThat(pending.status()).isEqualTo(SenderStatus.PENDING);
        assertThat(verified.status()).isEqualTo(SenderStatus.VERIFIED);
        assertThat(verified.id()).isEqualTo(pending.id());
        assertThat(tenants.registerSender(id, "acme.example", SenderKind.EMAIL_DOMAIN, false).status())
                .as("asking again does not downgrade").isEqualTo(SenderStatus.VERIFIED);
    }

    @Test
    void settingsChangeOnlyWhenTheyDiffer() {
        String id = fixture.tenant("Acme").profile().id();
        long before = fixture.store().ledger().verify(id).length();
        tenants.updateSettings(id, new TenantSettings(true, false));
        tenants.updateSettings(id, new TenantSettings(true, false));
        assertThat(fixture.store().ledger().verify(id).length()).isEqualTo(before + 1);
        assertThat(tenants.profile(id).settings().doubleOptInSms()).isTrue();
    }
}
