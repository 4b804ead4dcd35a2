package org.consentry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.consentry.consent.ConsentMethod;
import org.consentry.ledger.ConsentEvidence;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.store.Store;
import org.consentry.store.consent.NewConsent;
import org.consentry.store.tenant.NewTenant;

/**
 * Consents recorded durably on the embedded store (issue 4 target: 20,000 a second): {@code threads} callers each
 * record consents one at a time, as request threads do, and every call returns only once its consent is on disk
 * (fsync) and in force; the writer commits whatever has queued up in one transaction (group commit). Each consent is
 * for a new person, so each also makes and stores that person's key and seals the event under it.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.consentry.bench.ConsentThroughput THREADS CONSENTS [DATA_DIR]</pre>
 */
public final class ConsentThroughput {

    private ConsentThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 400_000;
        boolean scratch = args.length <= 2;
        Path directory = scratch ? Files.createTempDirectory("consentry-consents") : Path.of(args[2]);
        try (Store store = Store.embedded(directory, Clock.systemUTC())) {
            String tenant = store.tenants().create(new NewTenant("Acme Inc.", "Acme", "retail", "US", "1 Main St, Miami FL 33101",
                    "help@acme.example")).profile().id();
            ConsentEvidence evidence = new ConsentEvidence("203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64)", "https://shop.example/join",
                    "By checking this box you agree to receive up to 4 marketing texts a month from Acme. Msg & data rates may apply.",
                    "4/month");
            for (int round = 0; round < 2; round++) { // the first round warms the JIT
                int count = round == 0 ? Math.min(total / 4, 50_000) : total;
                AtomicLong next = new AtomicLong(round * 10_000_000L);
                long end = next.get() + count;
                CountDownLatch done = new CountDownLatch(threads);
                long started = System.nanoTime();
                List<Thread> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Thread worker = new Thread(() -> {
                        for (long i; (i = next.getAndIncrement()) < end; ) {
                            // people sign up in no order: numbers spread over the whole range, as a keyed hash spreads them
                            String address = "+1305" + String.format("%07d", 2_000_000 + Math.floorMod(i * 7_919_813L, 8_000_000L));
                            store.consents().record(tenant, org.consentry.tenant.TenantSettings.DEFAULTS, new NewConsent(address, Channel.SMS,
                                    Purpose.MARKETING, ConsentMethod.WEB_FORM, Instant.parse("2026-03-01T12:00:00Z"), true, evidence));
                        }
                        done.countDown();
                    });
                    workers.add(worker);
                    worker.start();
                }
                done.await();
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%s: %,d consents with %d threads in %.2f s = %,.0f consents/s (durable, sealed, projected)%n",
                        round == 0 ? "warm-up" : "measured", count, threads, seconds, count / seconds);
            }
        }
        if (scratch) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
