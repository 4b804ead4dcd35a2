package org.consentry.store.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.consentry.registry.NanpRegistry;
import org.consentry.registry.RegistryFiles;
import org.consentry.store.projection.ProviderLists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registry copies replaced while checks read them: one thread imports copy after copy of the national list (each
 * holding one number that never leaves, and others that change), another process's view of the same folder refreshes
 * without pause, and readers ask both views about the number throughout. A number in the old copy and the new is
 * listed at every moment, in either view. Bounded by the number of imports.
 */
class RegistrySwapConcurrencyTest {

    static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String STAYS = "+13055550100";
    private static final int IMPORTS = 12;

    @TempDir
    Path folder;

    @Test
    void aNumberInTheOldCopyAndTheNewIsListedThroughoutTheSwap() throws Exception {
        Path registries = folder.resolve("registries");
        RegistrySnapshots importing = RegistrySnapshots.open(registries);
        importing.importFiles("national", RegistryFiles.Kind.FULL, AS_OF, 0, List.of(copy(0)), RegistryImport.Progress.NONE, NOW);
        RegistrySnapshots watching = RegistrySnapshots.open(registries); // the server beside a `consentry registry import`
        watching.awaitChecks(); // after a start the list is unknown (checks defer) until its copy passes its check
        ProviderLists lists = new ProviderLists(watching);
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(() -> {
            while (!done.get()) {
                watching.refresh();
            }
        }, "refresh"));
        for (int r = 0; r < 2; r++) {
            threads.add(new Thread(() -> {
                while (!done.get() && failures.size() < 10) {
                    NanpRegistry imported = importing.get("national");
                    if (imported == null || !imported.contains(STAYS)) {
                        failures.add("the importing view lost " + STAYS + ": " + imported);
                    }
                    if (watching.anyUnknown()) {
                        // asked first, as a check does: a new copy is checked while the one before it answers
                        failures.add("the watching view's national list was unknown during a swap");
                    }
                    NanpRegistry seen = watching.get("national");
                    if (seen == null || !seen.contains(STAYS)) {
                        failures.add("the watching view lost " + STAYS + ": " + seen);
                    }
                    if (!lists.factsFor(STAYS).onNationalDnc()) {
                        failures.add("a check's facts found " + STAYS + " not on the national list");
                    }
                }
            }, "reader-" + r));
        }
        threads.forEach(Thread::start);
        try {
            for (int i = 1; i <= IMPORTS; i++) {
                importing.importFiles("national", RegistryFiles.Kind.FULL, AS_OF.plusSeconds(i * 3_600L), 0, List.of(copy(i)),
                        RegistryImport.Progress.NONE, NOW);
            }
        } finally {
            done.set(true);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }
        assertThat(failures).isEmpty();
        watching.refresh();
        watching.awaitChecks(); // the last copy answers once read against its checksums; the one before answers meanwhile
        assertThat(watching.get("national").asOf()).isEqualTo(AS_OF.plusSeconds(IMPORTS * 3_600L));
    }

    /** The registry's file for copy {@code i}: the number that stays, and a few thousand that change with each copy. */
    private Path copy(int i) throws Exception {
        StringBuilder text = new StringBuilder("305,5550100\n");
        for (int n = 0; n < 3_000; n++) {
            text.append(212 + i % 5).append(',').append(5_550_000 + n * 3 + i).append('\n');
        }
        return Files.writeString(folder.resolve("copy-" + i + ".txt"), text);
    }
}
