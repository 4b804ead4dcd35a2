package org.consentry.store.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.store.testing.StoreFixture.smsMarketing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.consentry.policy.Channel;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;
import org.consentry.store.ledger.StoreUnavailableException;
import org.consentry.store.sqlite.SqliteDatabase;
import org.consentry.store.testing.StoreFixture;
import org.consentry.tenant.SenderKind;
import org.consentry.tenant.SenderStatus;
import org.consentry.tenant.TenantProfile;
import org.consentry.tenant.TenantSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LedgerFactsTest {

    @TempDir
    Path directory;

    private StoreFixture fixture;
    private TenantProfile acme;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory);
        String id = fixture.tenantWithSender("Acme");
        fixture.store().tenants().registerSender(id, "ACME", SenderKind.SENDER_ID, true);
        fixture.store().tenants().registerSender(id, "acme.example", SenderKind.EMAIL_DOMAIN, true);
        fixture.store().tenants().registerSender(id, "acme-promo.example", SenderKind.EMAIL_DOMAIN, false);
        acme = fixture.store().tenants().profile(id);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static SendRequest request(Channel channel, String from, String to) {
        return new SendRequest(channel, from, to, Purpose.MARKETING, "Acme: hi", null, Map.of(),
                Instant.parse("2026-03-14T16:00:00Z"), "US", null, false, false, false, null, null, false);
    }

    @ParameterizedTest(name = "{0} from {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "SMS   | +18005550199              | VERIFIED",
            "SMS   | (800) 555-0199            | VERIFIED",
            "SMS   | +18005550100              | UNKNOWN",
            "SMS   | Acme                      | VERIFIED",
            "SMS   | OTHER                     | UNKNOWN",
            "EMAIL | news@acme.example         | VERIFIED",
            "EMAIL | Acme News <news@mail.acme.example> | VERIFIED",
            "EMAIL | news@acme-promo.example   | PENDING",
            "EMAIL | news@acme.example.evil.test | UNKNOWN",
            "EMAIL | not an address            | UNKNOWN",
    })
    void findsWhetherTheSenderIsVerified(Channel channel, String from, SenderStatus expected) {
        String to = channel == Channel.EMAIL ? "ana@example.com" : "+13055550100";
        assertThat(fixture.store().facts().resolve(acme, request(channel, from, to)).sender()).isEqualTo(expected);
    }

    @Test
    void givesTheRecipientsStateWithThisTenantOnly() {
        fixture.store().consents().record(acme.id(), TenantSettings.DEFAULTS, smsMarketing("+13055550100"));
        TenantProfile other = fixture.tenant("Other").profile();
        Facts mine = fixture.store().facts().resolve(acme, request(Channel.SMS, "+18005550199", "305-555-0100"));
        Facts theirs = fixture.store().facts().resolve(other, request(Channel.SMS, "+18005550199", "305-555-0100"));
        assertThat(mine.contact().consents()).hasSize(1);
        assertThat(theirs.contact().consents()).isEmpty();
        assertThat(mine.recipient().key()).isEqualTo("+13055550100");
        assertThat(mine.unavailable()).isEmpty();
    }

    /** The batch a scrub uses touches the records first, then gathers each recipient's facts as one look-up would. */
    @Test
    void manyRecipientsAtOnceGetTheFactsEachGetsAlone() {
        fixture.store().consents().record(acme.id(), TenantSettings.DEFAULTS, smsMarketing("+13055550100"));
        fixture.store().optOuts().optOut(acme.id(), "+13055550101", java.util.Set.of(org.consentry.policy.OptOutScope.SMS),
                StoreFixture.START, "api");
        fixture.store().providerData().add("national", java.util.List.of("+13055550102", "+13055550100"), StoreFixture.START);
        java.util.List<String> to = java.util.List.of("305-555-0100", "+13055550101", "(305) 555-0102", "+13055550103", "911",
                "not a number", "", "+442079460958", "ana@example.com", "+13055550100");
        SendRequest[] requests = to.stream().map(address -> request(Channel.SMS, "", address)).toArray(SendRequest[]::new);
        Facts[] together = fixture.store().facts().resolveRecipients(acme, requests);
        assertThat(together).hasSize(to.size());
        for (int i = 0; i < requests.length; i++) {
            assertThat(together[i]).as(to.get(i)).isEqualTo(fixture.store().facts().resolveRecipient(acme, requests[i]));
        }
        assertThat(together[0].contact().consents()).hasSize(1);
        assertThat(together[0].registry().onNationalDnc()).isTrue();
        assertThat(together[1].contact().optOuts()).isNotEmpty();
        assertThat(together[5].recipient().valid()).isFalse();
        assertThat(fixture.store().facts().resolveRecipients(acme, new SendRequest[0])).isEmpty();
        // requests of several kinds (not a list's rows) are gathered one by one, with the same answers
        SendRequest[] mixed = {request(Channel.EMAIL, "news@acme.example", "ana@example.com"), requests[0], request(Channel.VOICE, "", "911"),
            request(Channel.EMAIL, "news@acme.example", "+13055550100")};
        Facts[] gathered = fixture.store().facts().resolveRecipients(acme, mixed);
        for (int i = 0; i < mixed.length; i++) {
            // (an email's facts carry a look-up of the tenant's domains, a function made for each request)
            assertThat(gathered[i]).as(mixed[i].to()).usingRecursiveComparison().ignoringFields("emailDomains")
                    .isEqualTo(fixture.store().facts().resolveRecipient(acme, mixed[i]));
        }
        assertThat(gathered[1].contact().consents()).hasSize(1);
    }

    @Test
    void aLedgerThatCannotWriteMakesItsFactsUnavailable() throws Exception {
        try (Connection side = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(SqliteDatabase.FILE_NAME));
             Statement statement = side.createStatement()) {
            statement.execute("ALTER TABLE ledger RENAME TO ledger_away");
            Assertions.assertThatThrownBy(() -> fixture.store().optOuts().optOut(acme.id(), "+13055550100",
                    java.util.Set.of(org.consentry.policy.OptOutScope.SMS), Instant.now(), "api"))
                    .isInstanceOf(StoreUnavailableException.class);
            Facts facts = fixture.store().facts().resolve(acme, request(Channel.SMS, "+18005550199", "+13055550100"));
            assertThat(facts.unavailable()).containsExactlyInAnyOrder(FactSource.LEDGER, FactSource.REGISTRY, FactSource.COUNTERS);
            statement.execute("ALTER TABLE ledger_away RENAME TO ledger");
        }
    }
}
