package org.consentry.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.consentry.address.EmailAddressParser;
import org.consentry.address.PhoneNumberParser;
import org.consentry.content.ContentAnalyzer;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.TenantCreated;
import org.consentry.policy.Channel;
import org.consentry.policy.Decision;
import org.consentry.policy.PolicyEngine;
import org.consentry.policy.Purpose;
import org.consentry.policy.rules.StandardRulebook;
import org.consentry.policy.rules.identity.OptOutLanguage;
import org.consentry.recipient.RecipientResolver;
import org.consentry.registry.NanpRegistry;
import org.consentry.store.facts.LedgerFacts;
import org.consentry.store.projection.ContactBook;
import org.consentry.store.projection.ProviderLists;
import org.consentry.store.projection.TenantActivityBook;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.store.registry.RegistrySnapshots;
import org.consentry.store.scrub.ListScrubber;
import org.consentry.store.scrub.ScrubSummary;
import org.consentry.tenant.TenantProfile;

/**
 * A scrub end to end, CSV in to CSV out, at full scale: the registry copies imported into a folder (250 million
 * numbers with {@code consentry registry import}), a tenant with millions of consents, and a contact list of
 * millions of rows (half the tenant's own recipients, half numbers from anywhere in the US, in the shapes people
 * write them). Prints the time to map the registries, the scrub's rows per second and what it decided.
 *
 * <pre>java -Xmx16g -cp bench/target/benchmarks.jar org.consentry.bench.ScrubScale REGISTRIES CONSENTS ROWS LIST OUT [THREADS [RUNS]]</pre>
 *
 * <p>With more than three runs it also prints the median of the runs after the first (the first compiles and faults
 * the registry's pages in), since this machine's speed varies from run to run.
 */
public final class ScrubScale {

    static final Instant AT = Instant.parse("2026-03-16T17:30:00Z");

    private ScrubScale() {
    }

    public static void main(String[] args) throws Exception {
        Path registries = Path.of(args[0]);
        int consents = Integer.parseInt(args[1]);
        long rows = Long.parseLong(args[2]);
        Path list = Path.of(args[3]);
        Path out = Path.of(args[4]);
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : Runtime.getRuntime().availableProcessors();
        int runs = args.length > 6 ? Integer.parseInt(args[6]) : 3;

        long started = System.nanoTime();
        RegistrySnapshots snapshots = RegistrySnapshots.open(registries);
        double mapSeconds = (System.nanoTime() - started) / 1e9;
        snapshots.awaitChecks(); // a copy is in force once read against its checksums
        double checkedSeconds = (System.nanoTime() - started) / 1e9;
        long numbers = snapshots.all().stream().mapToLong(NanpRegistry::size).sum();
        System.out.printf(Locale.ROOT, "registries mapped in %.3f s, checked in %.3f s: %,d numbers in %d lists; heap used %,d MiB%n",
                mapSeconds, checkedSeconds, numbers, snapshots.all().size(), usedMiB());

        if (!Files.exists(list)) {
            long made = System.nanoTime();
            writeList(list, rows, consents);
            System.out.printf(Locale.ROOT, "wrote %,d rows to %s in %.1f s%n", rows, list, (System.nanoTime() - made) / 1e9);
        }
        long built = System.nanoTime();
        ContactBook contacts = SyntheticContacts.build(consents);
        System.out.printf(Locale.ROOT, "%,d consents loaded in %.1f s; heap used %,d MiB%n", consents, (System.nanoTime() - built) / 1e9, usedMiB());
        RulebookBenchmark.settle(); // the projection into the old generation, where a server's is

        TenantDirectory tenants = new TenantDirectory();
        tenants.apply(new LedgerEntry(1, SyntheticContacts.TENANT, 1, Instant.EPOCH,
                new TenantCreated("Bench Inc.", "Bench", "retail", "US", "1 Main St, Miami FL 33101", null), "", ""));
        TenantProfile tenant = tenants.tenant(SyntheticContacts.TENANT).orElseThrow();
        try (ScratchLedger scratch = new ScratchLedger()) {
            LedgerFacts facts = new LedgerFacts(RecipientResolver.load(), new PhoneNumberParser(), new EmailAddressParser(), tenants, contacts,
                    new ProviderLists(snapshots), new TenantActivityBook(), ContentAnalyzer.load(), OptOutLanguage.load(), scratch.ledger());
            ListScrubber scrubber = new ListScrubber(facts, new PolicyEngine(StandardRulebook.forLists()), threads);
            ListScrubber.Request request = new ListScrubber.Request(tenant, Channel.SMS, Purpose.MARKETING, AT, "US", null);
            List<Double> warm = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                long scrubStarted = System.nanoTime();
                ScrubSummary summary;
                try (InputStream in = Files.newInputStream(list);
                     OutputStream writer = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                    summary = scrubber.scrub(in, writer, request, done -> { });
                }
                double seconds = (System.nanoTime() - scrubStarted) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: %,d rows in %.2f s = %,.0f rows/s (%d threads); allow %,d, defer %,d, block %,d; heap used %,d MiB%n",
                        run, summary.rows(), seconds, summary.rows() / seconds, threads, summary.count(Decision.ALLOW),
                        summary.count(Decision.DEFER), summary.count(Decision.BLOCK), usedMiB());
                if (run == 1) {
                    System.out.println("  removed by reason: " + summary.toJson());
                } else {
                    warm.add(summary.rows() / seconds);
                }
            }
            if (runs > 3) {
                Collections.sort(warm);
                System.out.printf(Locale.ROOT, "median of runs 2-%d: %,.0f rows/s (lowest %,.0f, highest %,.0f)%n", runs,
                        warm.get(warm.size() / 2), warm.get(0), warm.get(warm.size() - 1));
            }
        }
    }

    private static long usedMiB() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }

    /** Half the tenant's recipients (some opted out, some pending), half US numbers from anywhere; four ways of writing them. */
    static void writeList(Path list, long rows, int consents) throws IOException {
        int[] areaCodes = org.consentry.testing.SyntheticRegistry.usAreaCodes();
        SplittableRandom random = new SplittableRandom(7);
        try (BufferedWriter out = Files.newBufferedWriter(list, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            out.write("id,first_name,last_name,phone,city\n");
            for (long i = 0; i < rows; i++) {
                String e164 = i % 2 == 0 ? SyntheticContacts.number(random.nextLong(consents * 11L / 10))
                        : "+1" + areaCodes[random.nextInt(areaCodes.length)] + (2_000_000 + random.nextInt(8_000_000));
                String written = switch ((int) (i % 4)) {
                    case 0 -> e164;
                    case 1 -> "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);
                    case 2 -> e164.substring(2, 5) + "-" + e164.substring(5, 8) + "-" + e164.substring(8);
                    default -> e164.substring(2);
                };
                out.write(Long.toString(i));
                out.write(",Jane,\"Doe, Jr.\",");
                out.write(written);
                out.write(",Springfield\n");
            }
        }
    }
}
