package org.consentry.store.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.consentry.registry.NanpRegistry;
import org.consentry.registry.RegistryFiles;
import org.consentry.store.registry.RegistryImport;
import org.consentry.registry.RegistryFacts;
import org.consentry.store.projection.ProviderLists;
import org.consentry.testing.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrySnapshotsTest {

    static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path folder;

    private RegistryImport.Summary importText(RegistrySnapshots snapshots, String list, RegistryFiles.Kind kind, Instant asOf,
                                              String text) throws IOException {
        Path file = Files.createTempFile(folder, "input", ".txt");
        Files.writeString(file, text);
        return snapshots.importFiles(list, kind, asOf, 0, List.of(file), RegistryImport.Progress.NONE, NOW);
    }

    /** Imports a national copy of three numbers and waits until it passes its checksum check. */
    private void importNational(RegistrySnapshots snapshots) throws IOException {
        importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF, "305,5550100\n305,5550101\n212,5550102\n");
        snapshots.awaitChecks();
    }

    /** A snapshot file's bytes with one bit of its last bitmap flipped (a listed number unlisted, or one listed that never was). */
    private static byte[] withABitFlipped(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x10;
        return bytes;
    }

    @Test
    void aFullImportPutsTheCopyInForceAndAChangeListIsAppliedToIt() throws IOException {
        RegistrySnapshots snapshots = RegistrySnapshots.open(folder.resolve("registries"));
        RegistryImport.Summary full = importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF,
                "305,5550100\n305,5550101\n212,5550102\n305,5550100\n");
        assertThat(full.added()).as("a number listed twice counts once").isEqualTo(3);
        assertThat(full.size()).isEqualTo(3);
        NanpRegistry first = snapshots.get("national");
        assertThat(first.contains("+13055550101")).isTrue();

        RegistryImport.Summary changes = importText(snapshots, "national", RegistryFiles.Kind.CHANGES, AS_OF.plusSeconds(86_400),
                "305,5550101,D\n415,5550103,A\n");
        assertThat(changes.added()).isEqualTo(1);
        assertThat(changes.removed()).isEqualTo(1);
        assertThat(changes.size()).isEqualTo(3);
        NanpRegistry second = snapshots.get("national");
        assertThat(second.contains("+13055550101")).isFalse();
        assertThat(second.contains("+14155550103")).isTrue();
        assertThat(second.asOf()).isEqualTo(AS_OF.plusSeconds(86_400));
        assertThat(first.contains("+13055550101")).as("a check holding the old copy still reads it whole").isTrue();

        Path smaller = Files.writeString(folder.resolve("smaller.txt"), "202,5550104\n");
        RegistryImport.Summary replaced = snapshots.importFiles(new RegistryImport("national", RegistryFiles.Kind.FULL,
                AS_OF.plusSeconds(172_800), 0, 100), "national", List.of(smaller), RegistryImport.Progress.NONE, NOW);
        assertThat(replaced.size()).as("a full list replaces the copy").isEqualTo(1);
        assertThat(snapshots.get("national").contains("+13055550100")).isFalse();
    }

    @Test
    void aFullImportCountsWhatItAddsAndRemovesAgainstTheCopyInForce() throws IOException {
        RegistrySnapshots snapshots = RegistrySnapshots.open(folder.resolve("registries"));
        // 305 held flat (625,000 numbers), 212 and 415 compressed; the next copy shifts 305 and 212, drops 415, adds 646
        RegistryImport.Summary first = importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF,
                numbers(305, 2_000_000, 625_000) + numbers(212, 5_550_000, 1_000) + numbers(415, 5_550_000, 10));
        assertThat(first.added()).as("nothing in force: everything is added").isEqualTo(626_010);
        assertThat(first.removed()).isZero();
        assertThat(snapshots.get("national").dense(305)).as("the test compares a flat area code").isNotNull();
        assertThat(snapshots.get("national").sparse(212)).isNotNull();

        RegistryImport.Summary next = importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF.plusSeconds(86_400),
                numbers(305, 2_000_100, 625_000) + numbers(212, 5_550_500, 1_000) + numbers(646, 5_550_000, 20));
        assertThat(next.added()).as("100 in 305, 500 in 212, 20 in 646").isEqualTo(620);
        assertThat(next.removed()).as("100 in 305, 500 in 212, all 10 of 415").isEqualTo(610);
        assertThat(next.size()).isEqualTo(626_020);
    }

    private static String numbers(int areaCode, int firstLocal, int count) {
        StringBuilder text = new StringBuilder(count * 12);
        for (int i = 0; i < count; i++) {
            text.append(areaCode).append(',').append(firstLocal + i).append('\n');
        }
        return text.toString();
    }

    @Test
    void badLinesRefuseTheImportAndTheCopyInForceStays() throws IOException {
        RegistrySnapshots snapshots = RegistrySnapshots.open(folder);
        importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF, "305,5550100\n");
        Path file = Files.writeString(folder.resolve("bad.txt"), "212,5550101\nnot a number\n212,5550102\n");
        assertThatThrownBy(() -> snapshots.importFiles("national", RegistryFiles.Kind.FULL, AS_OF, 0, List.of(file),
                RegistryImport.Progress.NONE, NOW))
                .isInstanceOfSatisfying(RegistryImport.Refused.class, refused -> {
                    assertThat(refused.summary().badLines()).isEqualTo(1);
                    assertThat(refused.summary().firstBadLines()).extracting(Object::toString).containsExactly("bad.txt:2: is not AAA,NNNNNNN (digits only)");
                });
        assertThat(snapshots.get("national").contains("+13055550100")).isTrue();
        assertThat(snapshots.get("national").contains("+12125550101")).isFalse();

        RegistryImport.Summary accepted = snapshots.importFiles("national", RegistryFiles.Kind.FULL, AS_OF, 1, List.of(file),
                RegistryImport.Progress.NONE, NOW);
        assertThat(accepted.badLines()).as("accepted with --max-bad-lines, still reported").isEqualTo(1);
        assertThat(accepted.size()).isEqualTo(2);
    }

    @Test
    void anImportThatFailsHalfwayLeavesTheOldCopyAndNoPartialFile() throws IOException {
        Path registries = folder.resolve("registries");
        RegistrySnapshots snapshots = RegistrySnapshots.open(registries);
        importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF, "305,5550100\n");
        Path cut = folder.resolve("cut.gz");
        byte[] whole;
        try (var bytes = new java.io.ByteArrayOutputStream(); OutputStream gzip = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 100_000; i++) {
                gzip.write(String.format("212,%07d%n", 2_000_000 + i).getBytes(StandardCharsets.US_ASCII));
            }
            gzip.close();
            whole = bytes.toByteArray();
        }
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> snapshots.importFiles("national", RegistryFiles.Kind.FULL, AS_OF, 0, List.of(cut),
                RegistryImport.Progress.NONE, NOW)).isInstanceOf(IOException.class);
        assertThat(snapshots.get("national").size()).isEqualTo(1);
        try (var files = Files.list(registries)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("national.dnc", ".import.lock");
        }
        RegistrySnapshots restarted = RegistrySnapshots.open(registries);
        restarted.awaitChecks();
        assertThat(restarted.get("national").contains("+13055550100")).as("after a restart too").isTrue();
    }

    /**
     * A copy downloaded for some area codes only says nothing of the others (found by review: a number of an area code
     * the copy lacks read as not registered, and marketing to it was allowed); an area code emptied by deletions is
     * no longer held either.
     */
    @Test
    void aCopyTellsWhichAreaCodesItHolds() throws IOException {
        RegistrySnapshots snapshots = RegistrySnapshots.open(folder.resolve("registries"));
        ProviderLists lists = new ProviderLists(snapshots);
        assertThat(lists.factsFor("+12125550100").nationalCoversAreaCode()).as("no copy: DNC_LIST_STALE says so itself").isTrue();
        importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF, "305,5550100\n786,5550100\n");
        assertThat(lists.factsFor("+13055550199").nationalCoversAreaCode()).isTrue();
        assertThat(lists.factsFor("+12125550100").nationalCoversAreaCode()).isFalse();
        assertThat(lists.factsFor("news@example.com").nationalCoversAreaCode()).isTrue();
        importText(snapshots, "national", RegistryFiles.Kind.CHANGES, AS_OF, "786,5550100,D\n");
        assertThat(lists.factsFor("+17865550199").nationalCoversAreaCode()).isFalse();
    }

    @Test
    void aServerTakesACopyImportedByAnotherProcessAndTheProviderListsReadIt() throws IOException {
        Path registries = folder.resolve("registries");
        RegistrySnapshots server = RegistrySnapshots.open(registries);
        ProviderLists lists = new ProviderLists(server);
        assertThat(lists.factsFor("+13055550100")).isEqualTo(RegistryFacts.NONE);

        RegistrySnapshots cli = RegistrySnapshots.open(registries);
        importText(cli, "national", RegistryFiles.Kind.FULL, AS_OF, "305,5550100\n");
        importText(cli, "state:FL", RegistryFiles.Kind.FULL, AS_OF, "305,5550100\n305,5550101\n");
        importText(cli, "block", RegistryFiles.Kind.FULL, AS_OF, "305,5550102\n");
        assertThat(server.get("national")).as("not before it looks").isNull();

        assertThat(server.refresh()).isEqualTo(3);
        assertThat(server.refresh()).as("nothing new").isZero();
        server.awaitChecks();
        RegistryFacts listed = lists.factsFor("+13055550100");
        assertThat(listed.onNationalDnc()).isTrue();
        assertThat(listed.nationalAsOf()).isEqualTo(AS_OF);
        assertThat(listed.stateDncLists()).containsExactly("FL");
        assertThat(lists.factsFor("+13055550101").onNationalDnc()).isFalse();
        assertThat(lists.factsFor("+13055550101").stateDncLists()).containsExactly("FL");
        assertThat(lists.factsFor("+13055550102").blocked()).isTrue();
        assertThat(lists.contains("national", "+13055550100")).isTrue();
        assertThat(lists.containsRecorded("national", "+13055550100")).as("imported, not recorded through the API").isFalse();
    }

    @Test
    void listNamesAreChecked() {
        assertThat(RegistrySnapshots.listName("state:fl")).isEqualTo("state:FL");
        assertThat(RegistrySnapshots.listName("NATIONAL")).isEqualTo("national");
        assertThatThrownBy(() -> RegistrySnapshots.listName("internal")).hasMessageContaining("lists are national, block and state:XX");
        assertThatThrownBy(() -> RegistrySnapshots.listName("state:florida")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegistrySnapshots.listName("state:ZZ")).as("a mistyped state's list would never match anyone")
                .hasMessageContaining("no state 'ZZ'");
        assertThat(RegistrySnapshots.listName("state:pr")).isEqualTo("state:PR");
        assertThatThrownBy(() -> RegistrySnapshots.listName("state:ON")).as("a province's list would load and never block anyone")
                .hasMessageContaining("Canadian province").hasMessageContaining("not applied");
    }

    @Test
    void aStatesListIsNamedInAnyCaseAsNationalIs() {
        assertThat(RegistrySnapshots.listName("STATE:FL")).isEqualTo("state:FL");
        assertThat(RegistrySnapshots.listName("State:fl")).isEqualTo("state:FL");
        assertThatThrownBy(() -> RegistrySnapshots.listName("STATE:ZZ")).as("an unknown state, in any case, is still refused")
                .hasMessageContaining("no state 'ZZ'");
        assertThatThrownBy(() -> RegistrySnapshots.listName("STATE:FLA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGeneratedRegistryImportsWhole() throws IOException {
        SyntheticRegistry registry = SyntheticRegistry.of(200_000, 11);
        Path file = folder.resolve("national.zip");
        long written = registry.write(file, SyntheticRegistry.Compression.ZIP);
        RegistrySnapshots snapshots = RegistrySnapshots.open(folder.resolve("registries"));
        long[] bytes = {0};
        RegistryImport.Summary summary = snapshots.importFiles("national", RegistryFiles.Kind.FULL, AS_OF, 0, List.of(file),
                read -> bytes[0] += read, NOW);
        assertThat(summary.size()).isEqualTo(written);
        assertThat(summary.linesRead()).isEqualTo(written);
        assertThat(bytes[0]).isEqualTo(Files.size(file));
        NanpRegistry copy = snapshots.get("national");
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int[] areaCodes = registry.areaCodes();
        for (int i = 0; i < 100_000; i++) {
            int areaCode = areaCodes[random.nextInt(areaCodes.length)];
            int local = 2_000_000 + random.nextInt(8_000_000);
            assertThat(copy.contains(10_000_000_000L + areaCode * 10_000_000L + local)).isEqualTo(registry.listed(areaCode, local));
        }
    }

    @Test
    void anEmptyFullListAChangeListAloneAndAMuchSmallerListAreRefused() throws IOException {
        RegistrySnapshots snapshots = RegistrySnapshots.open(folder.resolve("registries"));
        assertThatThrownBy(() -> importText(snapshots, "national", RegistryFiles.Kind.CHANGES, AS_OF, "305,5550100,A\n"))
                .hasMessageContaining("import its full list first");
        assertThatThrownBy(() -> importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF, ""))
                .isInstanceOf(RegistryImport.Refused.class).hasMessageContaining("a full list is never empty");
        assertThat(snapshots.get("national")).isNull();

        StringBuilder hundred = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            hundred.append("305,").append(5_550_100 + i).append('\n');
        }
        importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF, hundred.toString());
        String eightyNine = hundred.substring(0, 89 * 12);
        assertThatThrownBy(() -> importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF, eightyNine))
                .isInstanceOf(RegistryImport.Refused.class).hasMessageContaining("more than 10% fewer");
        assertThat(snapshots.get("national").size()).isEqualTo(100);
        assertThat(importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF, hundred.substring(0, 90 * 12)).size())
                .as("10% fewer is accepted").isEqualTo(90);

        Path file = Files.writeString(folder.resolve("small.txt"), "305,5550100\n");
        RegistryImport.Summary accepted = snapshots.importFiles(new RegistryImport("national", RegistryFiles.Kind.FULL, AS_OF, 0, 100),
                "national", List.of(file), RegistryImport.Progress.NONE, NOW);
        assertThat(accepted.size()).as("with --max-shrink 100").isEqualTo(1);
    }

    /** A download that failed to an empty file must not make the copy in force look fresh (DNC_LIST_STALE would never fire). */
    @Test
    void anEmptyChangeListIsRefusedUnlessAllowedAndThenItDatesTheCopy() throws IOException {
        RegistrySnapshots snapshots = RegistrySnapshots.open(folder.resolve("registries"));
        importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF, "305,5550100\n");
        Instant later = AS_OF.plus(java.time.Duration.ofDays(4));
        for (RegistryFiles.Kind kind : List.of(RegistryFiles.Kind.CHANGES, RegistryFiles.Kind.ADDITIONS, RegistryFiles.Kind.DELETIONS)) {
            assertThatThrownBy(() -> importText(snapshots, "national", kind, later, "")).as(kind.name())
                    .isInstanceOf(RegistryImport.Refused.class).hasMessageContaining("the files hold no line").hasMessageContaining("--allow-empty");
        }
        assertThat(snapshots.get("national").asOf()).as("the copy in force keeps its date").isEqualTo(AS_OF);
        Path empty = Files.writeString(folder.resolve("empty.txt"), "");
        RegistryImport.Summary recorded = snapshots.importFiles(new RegistryImport("national", RegistryFiles.Kind.CHANGES, later, 0).allowingEmpty(),
                "national", List.of(empty), RegistryImport.Progress.NONE, NOW);
        assertThat(recorded.size()).isEqualTo(1);
        assertThat(snapshots.get("national").asOf()).as("allowed: a day without changes").isEqualTo(later);
    }

    @Test
    void aZipArchiveCutShortIsRefused() throws IOException {
        RegistrySnapshots snapshots = RegistrySnapshots.open(folder.resolve("registries"));
        importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF, "305,5550100\n");
        Path whole = folder.resolve("whole.zip");
        new SyntheticRegistry(5, new int[] {201, 202, 203}, 30_000).write(whole, SyntheticRegistry.Compression.ZIP);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(folder.resolve("cut.zip"), java.util.Arrays.copyOf(bytes, bytes.length - 40));
        assertThatThrownBy(() -> snapshots.importFiles("national", RegistryFiles.Kind.FULL, AS_OF, 0, List.of(cut),
                RegistryImport.Progress.NONE, NOW)).hasMessageContaining("is not a whole zip archive");
        assertThat(snapshots.get("national").size()).isEqualTo(1);
    }

    @Test
    void anUnreadableSnapshotMakesItsListUnknownAndAnImportedDateCannotBeFreshenedThroughTheApi() throws IOException {
        Path registries = folder.resolve("registries");
        Files.createDirectories(registries);
        Files.writeString(registries.resolve("state-FL.dnc"), "not a snapshot");
        RegistrySnapshots snapshots = RegistrySnapshots.open(registries);
        ProviderLists lists = new ProviderLists(snapshots);
        assertThat(lists.unreadable()).containsExactly("state:FL");
        importText(snapshots, "state:FL", RegistryFiles.Kind.FULL, AS_OF, "305,5550100\n");
        assertThat(lists.unreadable()).as("imported again").isEmpty();

        importText(snapshots, "national", RegistryFiles.Kind.FULL, AS_OF, "305,5550100\n");
        lists.apply(new org.consentry.ledger.LedgerEntry(1, ProviderLists.CHAIN, 1, NOW,
                new org.consentry.ledger.RegistryEntriesAdded("national", List.of("+13055550199"), NOW), "", ""));
        assertThat(lists.asOf("national")).as("the imported copy's date decides").isEqualTo(AS_OF);
    }

    @Test
    void aCopyChangedOnDiskAfterItsImportIsTakenOutOfForceOnceItsChecksumFails() throws IOException {
        Path registries = folder.resolve("registries");
        RegistrySnapshots imported = RegistrySnapshots.open(registries);
        importNational(imported);
        assertThat(imported.get("national")).as("the copy as written passes its check").isNotNull();
        assertThat(imported.unreadable()).isEmpty();

        // one bit of the last bitmap flipped on disk (a listed number unlisted, or one listed that never was)
        Path file = registries.resolve("national.dnc");
        Files.write(file, withABitFlipped(file));
        RegistrySnapshots restarted = RegistrySnapshots.open(registries);
        restarted.awaitChecks();
        assertThat(restarted.get("national")).as("no longer relied on").isNull();
        assertThat(restarted.unreadable()).containsExactly("national");
        ProviderLists lists = new ProviderLists(restarted);
        assertThat(lists.unreadable()).containsExactly("national");

        importText(restarted, "national", RegistryFiles.Kind.FULL, AS_OF, "305,5550100\n");
        restarted.awaitChecks();
        assertThat(restarted.unreadable()).as("imported again").isEmpty();
        assertThat(restarted.get("national").contains("+13055550100")).isTrue();
    }

    @Test
    void aCopyTakenOutOfForceByItsCheckIsNeverSeenAsNeverImported() throws Exception {
        // a check asks whether any list is unknown, then reads the copy in force (LedgerFacts): while a file whose
        // checksum fails comes and goes, the list must be in force or unknown at every moment, or a check between the
        // two reads passes the number as unlisted
        Path registries = folder.resolve("registries");
        RegistrySnapshots snapshots = RegistrySnapshots.open(registries);
        importNational(snapshots);
        Path file = registries.resolve("national.dnc");
        Path good = Files.copy(file, folder.resolve("good.dnc"));
        Path damaged = Files.write(folder.resolve("damaged.dnc"), withABitFlipped(file));
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong neither = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicInteger round = new java.util.concurrent.atomic.AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                int before = round.get(); // odd: a damaged copy is put in force and taken out again, nothing else
                if (!snapshots.anyUnknown() && snapshots.get("national") == null && before % 2 == 1 && round.get() == before) {
                    neither.incrementAndGet();
                }
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 3_000 && neither.get() == 0; i++) {
                Files.copy(i % 2 == 0 ? damaged : good, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                round.incrementAndGet();
                snapshots.refresh();
                snapshots.awaitChecks();
            }
        } finally {
            done.set(true);
            reader.join();
        }
        assertThat(neither.get()).as("times the national list was neither in force nor unreadable").isZero();
    }

    @Test
    void aChangeListIsNotAppliedToACopyThatFailsItsCheck() throws IOException {
        Path registries = folder.resolve("registries");
        RegistrySnapshots imported = RegistrySnapshots.open(registries);
        importNational(imported);
        Path file = registries.resolve("national.dnc");
        Files.write(file, withABitFlipped(file));

        RegistrySnapshots restarted = RegistrySnapshots.open(registries); // its check may still be running: the import waits for it
        assertThatThrownBy(() -> importText(restarted, "national", RegistryFiles.Kind.CHANGES, AS_OF.plusSeconds(86_400), "212,5550103,A\n"))
                .as("a change list would carry the damaged numbers into a new copy with checksums of its own")
                .isInstanceOf(IOException.class).hasMessageContaining("damaged");
        assertThat(restarted.get("national")).isNull();
        assertThat(restarted.unreadable()).containsExactly("national");
    }

    @Test
    void aCopyIsNotReliedOnUntilItPassesItsCheckAndTheListIsUnknownMeanwhile() throws Exception {
        Path registries = folder.resolve("registries");
        importNational(RegistrySnapshots.open(registries));
        Path file = registries.resolve("national.dnc");
        Files.write(file, withABitFlipped(file));

        // every state the list passes through after a restart, seen by a check's two reads in the order a check makes them
        java.util.Set<String> seenStates = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicReference<RegistrySnapshots> current = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                RegistrySnapshots snapshots = current.get();
                if (snapshots != null) {
                    boolean unknown = snapshots.anyUnknown();
                    boolean inForce = snapshots.get("national") != null;
                    seenStates.add(unknown ? "unknown" : inForce ? "in force" : "absent");
                }
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 200; i++) {
                RegistrySnapshots restarted = RegistrySnapshots.open(registries);
                current.set(restarted);
                restarted.awaitChecks();
                assertThat(restarted.unreadable()).containsExactly("national");
                assertThat(restarted.checking()).isEmpty();
            }
        } finally {
            done.set(true);
            reader.join();
        }
        assertThat(seenStates).as("a damaged copy is never in force, and its list never looks absent").containsExactly("unknown");
    }

    @Test
    void aCopyImportedByAnotherProcessAnswersOnlyOnceCheckedAndTheCopyBeforeItAnswersMeanwhile() throws IOException {
        Path registries = folder.resolve("registries");
        RegistrySnapshots server = RegistrySnapshots.open(registries);
        importNational(server);
        RegistrySnapshots other = RegistrySnapshots.open(registries);
        other.awaitChecks();
        importText(other, "national", RegistryFiles.Kind.FULL, AS_OF.plusSeconds(86_400), "305,5550100\n305,5550101\n212,5550199\n");

        server.refresh();
        assertThat(server.anyUnknown()).as("the copy before it answers while the new one is checked").isFalse();
        assertThat(server.get("national")).isNotNull();
        server.awaitChecks();
        assertThat(server.get("national").contains("+12125550199")).isTrue();
        assertThat(server.get("national").asOf()).isEqualTo(AS_OF.plusSeconds(86_400));

        // the next copy from the other process is damaged on disk (changed after the move): the copy before it stays
        importText(other, "national", RegistryFiles.Kind.FULL, AS_OF.plusSeconds(2 * 86_400), "305,5550100\n305,5550101\n212,5550198\n");
        Path file = registries.resolve("national.dnc");
        Path damaged = Files.write(folder.resolve("damaged.dnc"), withABitFlipped(file));
        Files.move(damaged, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        server.refresh();
        server.awaitChecks();
        assertThat(server.get("national").asOf()).as("the checked copy before it").isEqualTo(AS_OF.plusSeconds(86_400));
        assertThat(server.unreadable()).isEmpty();
        assertThatThrownBy(() -> importText(server, "national", RegistryFiles.Kind.CHANGES, AS_OF.plusSeconds(3 * 86_400), "212,5550103,A\n"))
                .as("changes would be applied to a copy older than the one they follow")
                .isInstanceOf(IOException.class).hasMessageContaining("damaged");
        importText(server, "national", RegistryFiles.Kind.FULL, AS_OF.plusSeconds(3 * 86_400), "305,5550100\n305,5550101\n212,5550197\n");
        assertThat(server.get("national").contains("+12125550197")).isTrue();
        importText(server, "national", RegistryFiles.Kind.CHANGES, AS_OF.plusSeconds(4 * 86_400), "212,5550103,A\n");
        assertThat(server.get("national").size()).as("a full list imported again takes change lists").isEqualTo(4);
    }

    @Test
    void aCopyTakenOutOfForceWhoseFileIsMovedAwayAndBackIsReadAgain() throws IOException {
        Path registries = folder.resolve("registries");
        RegistrySnapshots snapshots = RegistrySnapshots.open(registries);
        importNational(snapshots);
        Path file = registries.resolve("national.dnc");
        java.nio.file.attribute.FileTime imported = Files.getLastModifiedTime(file);
        Files.write(file, withABitFlipped(file));
        // refresh knows a file by its key, size and time, and a file's time moves in clock ticks (a few milliseconds on
        // Linux): damage of the same size written within the import's tick would go unseen (the test failed so once in
        // a fresh clone). Damage comes later than that; say so.
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(imported.toMillis() + 1_000));
        snapshots.refresh();
        snapshots.awaitChecks();
        assertThat(snapshots.unreadable()).containsExactly("national");

        // moved aside (to look at it) and back: the same file, the same size and time, but not the same list as before
        Path aside = Files.move(file, folder.resolve("aside.dnc"));
        snapshots.refresh();
        assertThat(snapshots.unreadable()).as("no file, no list").isEmpty();
        Files.move(aside, file);
        snapshots.refresh();
        snapshots.awaitChecks();
        assertThat(snapshots.get("national")).isNull();
        assertThat(snapshots.unreadable()).as("the file is back, and still damaged").containsExactly("national");
    }
}
