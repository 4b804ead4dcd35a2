package org.consentry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.store.testing.StoreFixture.START;
import static org.consentry.store.testing.StoreFixture.smsMarketing;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.consentry.consent.ContactState;
import org.consentry.policy.OptOutScope;
import org.consentry.store.testing.StoreFixture;
import org.consentry.tenant.SenderKind;
import org.consentry.tenant.TenantProfile;
import org.consentry.tenant.TenantSettings;
import org.consentry.tenant.TenantStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projections are rebuilt from the ledger at start: after a reopen, everything reads as it did. */
class StoreReplayTest {

    @TempDir
    Path directory;

    @Test
    void aReopenedStoreKnowsEverythingItKnewBefore() {
        try (StoreFixture fixture = new StoreFixture(directory)) {
            Store store = fixture.store();
            String acme = fixture.tenantWithSender("Acme");
            store.tenants().registerSender(acme, "acme.example", SenderKind.EMAIL_DOMAIN, false);
            store.tenants().updateSettings(acme, new TenantSettings(true, true));
            String suspended = fixture.tenant("Shady").profile().id();
            store.tenants().changeStatus(suspended, TenantStatus.SUSPENDED, "complaints");
            store.consents().record(acme, TenantSettings.DEFAULTS, smsMarketing("+13055550100"));
            store.consents().record(acme, new TenantSettings(true, false), smsMarketing("+13055550101"));
            store.optOuts().optOut(acme, "+13055550102", Set.of(OptOutScope.SMS, OptOutScope.VOICE), START, "api");
            store.internalDnc().add(acme, List.of("+13055550103", "+13055550104"), START);

            List<TenantProfile> tenantsBefore = List.of(store.tenants().profile(acme), store.tenants().profile(suspended));
            List<ContactState> contactsBefore = contacts(store, acme);
            var sendersBefore = Set.copyOf(store.directory().senders(acme));

            Store reopened = fixture.reopen();
            assertThat(List.of(reopened.tenants().profile(acme), reopened.tenants().profile(suspended))).isEqualTo(tenantsBefore);
            assertThat(contacts(reopened, acme)).isEqualTo(contactsBefore);
            assertThat(Set.copyOf(reopened.directory().senders(acme))).isEqualTo(sendersBefore);
            assertThat(reopened.directory().ownerOfPhone("+18005550199")).hasValue(acme);
            assertThat(reopened.ledger().verify(acme).intact()).isTrue();
        }
    }

    private static List<ContactState> contacts(Store store, String tenant) {
        return List.of("+13055550100", "+13055550101", "+13055550102", "+13055550103", "+13055550104").stream()
                .map(address -> store.contacts().stateOf(tenant, address)).toList();
    }
}
