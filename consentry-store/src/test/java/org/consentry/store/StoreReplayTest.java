package org.consentry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.store.testing.StoreFixture.START;
import static org.consentry.store.testing.StoreFixture.smsMarketing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consentry.consent.ContactState;
import org.consentry.consent.RelationshipKind;
import org.consentry.ledger.NumbersReported;
import org.consentry.ledger.SendCommitted;
import org.consentry.policy.Channel;
import org.consentry.policy.OptOutScope;
import org.consentry.policy.Purpose;
import org.consentry.recipient.LineType;
import org.consentry.store.projection.ProviderLists;
import org.consentry.store.testing.StoreFixture;
import org.consentry.tenant.DailyHours;
import org.consentry.tenant.FrequencyCap;
import org.consentry.tenant.SenderKind;
import org.consentry.tenant.TenantPlan;
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

    @Test
    void aReopenedStoreKnowsTheProvidersListsTheContactRecordsAndTheSends() {
        List<String> numbers = List.of("+12025550100", "+13055550105", "+13055550106", "+13055550107", "+13055550108", "+13055550109");
        try (StoreFixture fixture = new StoreFixture(directory)) {
            Store store = fixture.store();
            String acme = fixture.tenantWithSender("Acme");
            store.providerData().add(ProviderLists.NATIONAL, List.of("+12025550100"), START.minus(Duration.ofDays(3)));
            store.providerData().add("state:FL", List.of("+13055550105"), null);
            store.providerData().add(ProviderLists.BLOCK, List.of("+13055550106", "spam@example.com", "gone@example.com"), null);
            store.providerData().remove(ProviderLists.BLOCK, List.of("gone@example.com"));
            store.providerData().reportDisconnected(List.of(new NumbersReported.Entry("+13055550107", "2026-02-01T00:00:00Z")));
            store.providerData().reportLineTypes(List.of(new NumbersReported.Entry("+13055550108", "landline")));
            store.contactRecords().declare(acme, "+13055550109", "US", "TX", LineType.MOBILE);
            store.contactRecords().relationship(acme, "+13055550109", RelationshipKind.PURCHASE, START.minus(Duration.ofDays(40)));
            store.tenants().changePlan(acme, new TenantPlan(Map.of(Channel.SMS, Set.of(Purpose.TRANSACTIONAL)), 30));
            store.tenants().updateSettings(acme, new TenantSettings(true, false, true,
                    List.of(new FrequencyCap(2, 24, FrequencyCap.Per.TOPIC)), new DailyHours(LocalTime.of(10, 0), LocalTime.of(19, 0)), 90, 6000));
            store.ledger().append(acme, List.of(new SendCommitted("chk_1", "+13055550109", Channel.SMS, Purpose.TRANSACTIONAL,
                    "+18005550199", START.minusSeconds(20), "orders", null, "sha", "content", List.of(1L, 2L, 3L))));

            List<Object> before = everything(store, acme, numbers);
            assertThat(store.providerLists().factsFor("spam@example.com").blocked()).isTrue();
            assertThat(store.providerLists().factsFor("gone@example.com").blocked()).isFalse();
            assertThat(store.contacts().stateOf(acme, "+13055550109").recentSends()).hasSize(1);

            assertThat(everything(fixture.reopen(), acme, numbers)).isEqualTo(before);
        }
    }

    private static List<Object> everything(Store store, String tenant, List<String> numbers) {
        List<Object> facts = new ArrayList<>();
        facts.add(store.tenants().profile(tenant));
        facts.add(store.providerLists().asOf(ProviderLists.NATIONAL));
        facts.add(store.providerLists().factsFor("spam@example.com"));
        facts.add(store.providerLists().factsFor("gone@example.com"));
        for (String number : numbers) {
            facts.add(store.providerLists().factsFor(number));
            facts.add(store.providerLists().lineTypeOf(number));
            facts.add(store.contacts().stateOf(tenant, number));
        }
        return facts;
    }
}
