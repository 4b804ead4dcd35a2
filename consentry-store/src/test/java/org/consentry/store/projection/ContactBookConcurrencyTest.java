package org.consentry.store.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.consentry.policy.OptOutScope;
import org.consentry.store.Store;
import org.consentry.store.testing.StoreFixture;
import org.consentry.testing.ReaderThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-outs written by many threads through the real ledger (group commit) while readers look the recipients up without
 * a lock, as checks do: the tenant's index grows many times under them, and permission passes rewrite every recipient's
 * state beside. An opt-out whose append returned before a look-up began is seen, and one seen is never unseen. Bounded
 * by the number of opt-outs.
 */
class ContactBookConcurrencyTest {

    private static final int WRITERS = 6;
    private static final int PER_WRITER = 300;
    private static final int READERS = 3;

    @TempDir
    Path directory;

    private static String number(int i) {
        return "+1305" + (2_000_000 + i * 7);
    }

    @Test
    void anAcknowledgedOptOutIsSeenByEveryLaterLookUpAndNeverUnseen() throws Exception {
        try (StoreFixture fixture = new StoreFixture(directory)) {
            Store store = fixture.store();
            String tenant = fixture.tenantWithSender("Acme");
            int total = WRITERS * PER_WRITER;
            AtomicIntegerArray acknowledged = new AtomicIntegerArray(total);
            ReaderThreads readers = ReaderThreads.start(READERS, "contact-reader", () -> {
                boolean[] seen = new boolean[total];
                return failures -> {
                    int i = ThreadLocalRandom.current().nextInt(total);
                    boolean acked = acknowledged.get(i) == 1;
                    boolean optedOut = store.contacts().stateOf(tenant, number(i)).optOut(OptOutScope.SMS) != null;
                    if (acked && !optedOut) {
                        failures.add(number(i) + ": opt-out acknowledged before the look-up, not seen");
                    }
                    if (seen[i] && !optedOut) {
                        failures.add(number(i) + ": opt-out seen, then not");
                    }
                    seen[i] |= optedOut;
                };
            });
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(new Thread(() -> {
                    for (int k = 0; k < PER_WRITER; k++) {
                        int i = k * WRITERS + writer;
                        store.optOuts().optOut(tenant, number(i), Set.of(OptOutScope.SMS), StoreFixture.START, "STOP");
                        acknowledged.set(i, 1);
                        if (writer == 0 && k % 50 == 0) { // rewrites every recipient's state (replaceAll) beside the others
                            store.consents().requirePermissionPass(tenant, StoreFixture.START, null, "review " + k);
                        }
                    }
                }, "opt-out-writer-" + w));
            }
            List<String> failures;
            try {
                writers.forEach(Thread::start);
                for (Thread writer : writers) {
                    writer.join(60_000);
                    assertThat(writer.isAlive()).as(writer.getName()).isFalse();
                }
            } finally {
                failures = readers.stop();
            }
            assertThat(failures).isEmpty();
            assertThat(store.contacts().size(tenant)).isEqualTo(total);
            for (int i = 0; i < total; i++) {
                assertThat(store.contacts().stateOf(tenant, number(i)).optOut(OptOutScope.SMS)).as(number(i)).isNotNull();
            }
        }
    }
}
