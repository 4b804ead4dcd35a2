package org.consentry.store.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStatus;
import org.consentry.ledger.ConsentGranted;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.OptedOut;
import org.consentry.policy.OptOutScope;
import org.consentry.store.Store;
import org.consentry.store.testing.StoreFixture;
import org.consentry.tenant.TenantSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consent recorded at the same moment as an opt-out of its recipient ends as the ledger's order says: one granted
 * before the opt-out is revoked by it (in the opt-out's own append), one granted after it stays. Pairs of threads
 * meet at a barrier for each recipient, one recording a consent, the other an opt-out. Bounded by the recipients.
 */
class GrantBesideOptOutTest {

    private static final int PAIRS = 4;
    private static final int PER_PAIR = 40;

    @TempDir
    Path directory;

    private StoreFixture fixture;
    private Store store;
    private String tenant;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory);
        store = fixture.store();
        tenant = fixture.tenantWithSender("Acme");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static String number(int pair, int k) {
        return "+1305555" + (1000 + pair * PER_PAIR + k);
    }

    /** Records the consent as the API, a list import or a hosted form does. */
    private void grant(String how, String number) {
        NewConsent consent = StoreFixture.smsMarketing(number);
        switch (how) {
            case "record" -> store.consents().record(tenant, TenantSettings.DEFAULTS, consent);
            case "import" -> store.consents().importAll(tenant, TenantSettings.DEFAULTS, List.of(consent));
            default -> store.consents().recordPending(tenant, List.of(consent));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"record", "import", "form"})
    void aConsentGrantedBeforeTheOptOutIsRevokedByIt(String how) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int p = 0; p < PAIRS; p++) {
            int pair = p;
            CyclicBarrier together = new CyclicBarrier(2);
            threads.add(new Thread(() -> {
                for (int k = 0; k < PER_PAIR; k++) {
                    try {
                        together.await(30, TimeUnit.SECONDS);
                        grant(how, number(pair, k));
                    } catch (Exception e) {
                        failures.add(e.toString());
                        return;
                    }
                }
            }, "grants-" + pair));
            threads.add(new Thread(() -> {
                for (int k = 0; k < PER_PAIR; k++) {
                    try {
                        together.await(30, TimeUnit.SECONDS);
                        store.optOuts().optOut(tenant, number(pair, k), Set.of(OptOutScope.SMS), StoreFixture.START, "STOP");
                    } catch (Exception e) {
                        failures.add(e.toString());
                        return;
                    }
                }
            }, "opt-outs-" + pair));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(60_000);
            assertThat(thread.isAlive()).as(thread.getName()).isFalse();
        }
        assertThat(failures).isEmpty();
        for (int pair = 0; pair < PAIRS; pair++) {
            for (int k = 0; k < PER_PAIR; k++) {
                String number = number(pair, k);
                long granted = -1;
                long optedOut = -1;
                String consentId = null;
                for (LedgerEntry entry : store.ledger().about(tenant, number)) {
                    if (entry.event() instanceof ConsentGranted grant) {
                        granted = entry.seq();
                        consentId = grant.consentId();
                    } else if (entry.event() instanceof OptedOut) {
                        optedOut = entry.seq();
                    }
                }
                assertThat(granted).as(number).isPositive();
                assertThat(optedOut).as(number).isPositive();
                Consent consent = store.contacts().stateOf(tenant, number).consent(consentId);
                assertThat(consent.status() == ConsentStatus.REVOKED).as("%s: granted at seq %d, opted out at seq %d, now %s", number,
                        granted, optedOut, consent.status()).isEqualTo(granted < optedOut);
            }
        }
    }
}
