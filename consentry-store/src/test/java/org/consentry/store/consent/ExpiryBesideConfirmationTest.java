package org.consentry.store.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStatus;
import org.consentry.ledger.ConsentConfirmed;
import org.consentry.ledger.LedgerEntry;
import org.consentry.policy.OptOutScope;
import org.consentry.store.Store;
import org.consentry.store.testing.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job that lets unconfirmed consents lapse runs while recipients answer YES: a consent whose confirmation was
 * acknowledged stays active (the lapse is decided on what is pending when it is written, not on what was pending when
 * the job looked), and one that lapsed first is not confirmed afterwards. Bounded by the number of consents.
 */
class ExpiryBesideConfirmationTest {

    private static final int CONSENTS = 300;

    @TempDir
    Path directory;

    private static String number(int i) {
        return "+1305" + (3_000_000 + i * 11);
    }

    @Test
    void aConfirmedConsentNeverLapsesAfterwards() throws Exception {
        try (StoreFixture fixture = new StoreFixture(directory)) {
            Store store = fixture.store();
            String tenant = fixture.tenantWithSender("Acme");
            List<NewConsent> list = new ArrayList<>();
            for (int i = 0; i < CONSENTS; i++) {
                list.add(StoreFixture.smsMarketing(number(i)));
            }
            List<Consent> pending = store.consents().recordPending(tenant, list);
            assertThat(pending).allMatch(consent -> consent.status() == ConsentStatus.PENDING);

            CountDownLatch go = new CountDownLatch(1);
            Thread confirming = new Thread(() -> {
                await(go);
                for (int i = CONSENTS - 1; i >= 0; i--) { // from the end, to meet the job in the middle
                    store.consents().confirmPending(tenant, number(i), OptOutScope.SMS, StoreFixture.START, "sms:YES");
                }
            }, "confirming");
            Thread lapsing = new Thread(() -> {
                await(go);
                for (int round = 0; round < 20; round++) {
                    store.consents().expirePending(StoreFixture.START.plus(Duration.ofDays(31)), Duration.ofDays(30));
                }
            }, "lapsing");
            confirming.start();
            lapsing.start();
            go.countDown();
            confirming.join(60_000);
            lapsing.join(60_000);
            assertThat(confirming.isAlive() || lapsing.isAlive()).isFalse();

            for (int i = 0; i < CONSENTS; i++) {
                String id = pending.get(i).id();
                boolean confirmed = false;
                for (LedgerEntry entry : store.ledger().ofConsent(tenant, id)) {
                    confirmed |= entry.event() instanceof ConsentConfirmed;
                }
                Consent now = store.contacts().stateOf(tenant, number(i)).consent(id);
                assertThat(now.status()).as("%s (%s): confirmation acknowledged: %s", id, number(i), confirmed)
                        .isEqualTo(confirmed ? ConsentStatus.ACTIVE : ConsentStatus.REVOKED);
            }
        }
    }

    private static void await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
