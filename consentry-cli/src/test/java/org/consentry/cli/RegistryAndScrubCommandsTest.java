package org.consentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.consentry.registry.NanpRegistry;
import org.consentry.store.Store;
import org.consentry.store.registry.RegistrySnapshots;
import org.consentry.store.tenant.NewTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code consentry registry import} and {@code consentry scrub}, as users run them. */
class RegistryAndScrubCommandsTest {

    @TempDir
    Path directory;

    /** What a command printed and how it ended. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int status = command.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** The registry copies of a data folder as a restart finds them: each in force once read against its checksums. */
    private static RegistrySnapshots checked(Path data) {
        RegistrySnapshots snapshots = RegistrySnapshots.open(data.resolve(Store.REGISTRIES));
        snapshots.awaitChecks();
        return snapshots;
    }

    @Test
    void anImportPrintsItsSummaryAndRecordsTheRegistrysDate() throws Exception {
        Path data = directory.resolve("data");
        Path file = Files.writeString(directory.resolve("national.txt"), "305,5550100\n305,5550101\n2125550102\n");
        Run imported = run("registry", "import", "--list", "national", "--as-of", "2026-11-20", "--data", data.toString(), "--no-progress",
                file.toString());
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("national (full, as of 2026-11-20T00:00:00Z): 3 lines read")
                .contains("added 3, removed 0, now 3 numbers; 0 bad lines");

        Path changes = Files.writeString(directory.resolve("changes.txt"), "305,5550100,D\n415,5550103,A\n415,555,A\n");
        Run refused = run("registry", "import", "--list", "national", "--kind", "changes", "--as-of", "2026-11-21", "--data", data.toString(),
                "--no-progress", changes.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("bad line changes.txt:3: is not AAA,NNNNNNN").contains("refused: 1 bad lines")
                .contains("the registry in force is unchanged");

        Run applied = run("registry", "import", "--list", "national", "--kind", "changes", "--as-of", "2026-11-21", "--max-bad-lines", "5",
                "--data", data.toString(), "--no-progress", changes.toString());
        assertThat(applied.out()).contains("added 1, removed 1, now 3 numbers; 1 bad lines").contains("bad line changes.txt:3");

        Run status = run("registry", "status", "--data", data.toString());
        assertThat(status.out()).contains("national").contains("3 numbers").contains("as of 2026-11-21T00:00:00Z");

        assertThat(run("registry", "import", "--list", "internal", "--data", data.toString(), file.toString()).err())
                .contains("lists are national, block and state:XX");
        assertThat(run("registry", "import", "--list", "national", "--kind", "weekly", "--data", data.toString(), file.toString()).err())
                .contains("--kind is full, additions, deletions or changes");
    }

    /** Bad input is answered with one line, no stack trace, and status 2. */
    static void refusedInOneLine(Run run, String saying) {
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(saying).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void aCopyDatedInTheFutureIsRefusedSoThatItCanGrowStale() throws Exception {
        Path data = directory.resolve("data");
        Path file = Files.writeString(directory.resolve("national.txt"), "305,5550100\n");
        refusedInOneLine(run("registry", "import", "--list", "national", "--as-of", "2099-01-01", "--data", data.toString(), "--no-progress",
                file.toString()), "--as-of 2099-01-01 is in the future");
        refusedInOneLine(run("registry", "import", "--list", "national", "--as-of", Instant.now().plusSeconds(600).toString(), "--data",
                data.toString(), "--no-progress", file.toString()), "is in the future");
        assertThat(checked(data).get("national")).as("nothing imported").isNull();

        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.parse("2099-01-01T00:00:00Z")));
        refusedInOneLine(run("registry", "import", "--list", "national", "--data", data.toString(), "--no-progress", file.toString()),
                "the files' modification time 2099-01-01T00:00:00Z is in the future");

        Run withinSkew = run("registry", "import", "--list", "national", "--as-of", Instant.now().plusSeconds(60).toString(), "--data",
                data.toString(), "--no-progress", file.toString());
        assertThat(withinSkew.status()).as("clocks drift: a minute ahead is accepted, as the API accepts it").isZero();
    }

    @Test
    void aFileReadFromAPipeNeedsItsDateBecauseThePipesTimeIsNow() throws Exception {
        Path data = directory.resolve("data");
        Path pipe = directory.resolve("national.fifo");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Path file = Files.writeString(directory.resolve("national.txt"), "305,5550100\n");
        // fed as a shell's <(curl ...) would be, so that an import that reads it ends (and fails the test) instead of waiting
        Thread feeder = new Thread(() -> {
            try {
                Files.writeString(pipe, "212,5550100\n");
            } catch (java.io.IOException ignored) {
                // the reader went away
            }
        });
        feeder.setDaemon(true);
        feeder.start();
        refusedInOneLine(run("registry", "import", "--list", "national", "--data", data.toString(), "--no-progress", file.toString(),
                pipe.toString()), "--as-of is required: " + pipe + " is not a regular file");
        try (var drain = Files.newInputStream(pipe)) {
            drain.readAllBytes(); // lets the feeder finish
        }
        refusedInOneLine(run("registry", "import", "--list", "national", "--as-of", "2026-11-20", "--data", data.toString(), "--no-progress",
                directory.toString()), directory + " is a folder");
        assertThat(checked(data).get("national")).isNull();
    }

    @Test
    void statusListsASnapshotThatCannotBeReadAndFails() throws Exception {
        Path data = directory.resolve("data");
        Path file = Files.writeString(directory.resolve("national.txt"), "305,5550100\n");
        Path florida = Files.writeString(directory.resolve("florida.txt"), "305,5550101\n");
        assertThat(run("registry", "import", "--list", "national", "--as-of", "2026-11-20", "--data", data.toString(), "--no-progress",
                file.toString()).status()).isZero();
        Run state = run("registry", "import", "--list", "STATE:fl", "--as-of", "2026-11-20", "--data", data.toString(), "--no-progress",
                florida.toString());
        assertThat(state.status()).as(state.err()).isZero();
        assertThat(run("registry", "status", "--data", data.toString()).status()).isZero();

        Files.writeString(data.resolve(Store.REGISTRIES).resolve("national.dnc"), "garbage");
        Run status = run("registry", "status", "--data", data.toString());
        assertThat(status.status()).as("every check waits: the registry is not well").isEqualTo(1);
        assertThat(status.out()).contains("national: UNREADABLE (checks wait until it is imported again)").contains("state:FL")
                .doesNotContain("no registry copy imported");

        // one bit of Florida's numbers flipped on disk: the file still maps, and only its checksum tells
        Path floridaCopy = data.resolve(Store.REGISTRIES).resolve("state-FL.dnc");
        byte[] bytes = Files.readAllBytes(floridaCopy);
        bytes[bytes.length - 2] ^= 0x01;
        Files.write(floridaCopy, bytes);
        Run flipped = run("registry", "status", "--data", data.toString());
        assertThat(flipped.status()).isEqualTo(1);
        assertThat(flipped.out()).contains("state:FL: UNREADABLE");
    }

    @Test
    void aFullImportSaysHowManyNumbersItReplaced() throws Exception {
        Path data = directory.resolve("data");
        StringBuilder full = new StringBuilder();
        StringBuilder half = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            full.append(String.format("305,%07d%n", 5_550_000 + i));
            half.append(i < 500 ? String.format("305,%07d%n", 5_550_000 + i) : String.format("212,%07d%n", 5_550_000 + i));
        }
        Path first = Files.writeString(directory.resolve("full.txt"), full);
        Path next = Files.writeString(directory.resolve("half.txt"), half);
        run("registry", "import", "--list", "national", "--as-of", "2026-11-19", "--data", data.toString(), "--no-progress", first.toString());
        Run replaced = run("registry", "import", "--list", "national", "--as-of", "2026-11-20", "--data", data.toString(), "--no-progress",
                next.toString());
        assertThat(replaced.out()).contains("added 500, removed 500, now 1,000 numbers");
    }

    @Test
    void anImportKilledHalfwayLeavesTheOldRegistryAnswering() throws Exception {
        Path data = directory.resolve("data");
        Path old = Files.writeString(directory.resolve("old.txt"), "305,5550100\n");
        assertThat(run("registry", "import", "--list", "national", "--as-of", "2026-11-01", "--data", data.toString(), "--no-progress",
                old.toString()).status()).isZero();

        Path pipe = directory.resolve("national.fifo");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Process importer = new ProcessBuilder(ServerProcess.javaBinary(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "registry", "import", "--list", "national", "--as-of", "2026-11-20", "--data", data.toString(),
                "--no-progress", pipe.toString()).redirectErrorStream(true).redirectOutput(directory.resolve("importer.txt").toFile()).start();
        try (OutputStream feed = Files.newOutputStream(pipe)) {
            for (int i = 0; i < 50_000; i++) {
                feed.write(String.format("212,%07d%n", 2_000_000 + i).getBytes(StandardCharsets.US_ASCII));
            }
            feed.flush();
            RegistrySnapshots reader = checked(data);
            assertThat(reader.get("national").contains("+13055550100")).as("the old copy answers during the import").isTrue();
            assertThat(importer.isAlive()).as(Files.readString(directory.resolve("importer.txt"))).isTrue();
            importer.destroyForcibly();
            assertThat(importer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } catch (java.io.IOException e) {
            importer.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the importer stopped reading: " + Files.readString(directory.resolve("importer.txt")), e);
        } finally {
            importer.destroyForcibly();
            importer.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(importer.exitValue()).as("killed").isEqualTo(137);

        NanpRegistry afterKill = checked(data).get("national");
        assertThat(afterKill.size()).isEqualTo(1);
        assertThat(afterKill.contains("+13055550100")).isTrue();
        assertThat(afterKill.asOf()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));

        Path next = Files.writeString(directory.resolve("next.txt"), "212,5550100\n");
        assertThat(run("registry", "import", "--list", "national", "--as-of", "2026-11-20", "--data", data.toString(), "--no-progress",
                next.toString()).status()).isZero();
        try (var files = Files.list(data.resolve(Store.REGISTRIES))) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith("."))).containsExactly("national.dnc");
        }
    }

    @Test
    void aScrubForATenantWhoseProofRequestIsOverdueFindsItSuspended() throws Exception {
        Path data = directory.resolve("data");
        String tenant = acmeIn(data);
        try (Store store = Store.embedded(data, Clock.systemUTC())) {
            // asked 25 hours ago and never answered; the server that would have suspended the tenant is not running
            store.proofRequests().open(tenant, "+13055550100", java.time.Instant.now().minus(java.time.Duration.ofHours(25)));
        }
        Path list = Files.writeString(directory.resolve("contacts.csv"), "name,phone\nJane,(305) 555-0100\n");
        Path out = directory.resolve("scrubbed.csv");
        Run scrub = run("scrub", list.toString(), "--tenant", tenant, "--channel", "sms", "--purpose", "transactional",
                "--out", out.toString(), "--data", data.toString(), "--no-progress");
        assertThat(scrub.status()).as(scrub.err()).isZero();
        assertThat(Files.readAllLines(out).get(1)).startsWith("Jane,(305) 555-0100,block,").contains("ACCOUNT_SUSPENDED");
    }

    @Test
    void aScrubWritesTheListItsReportAndItsCounts() throws Exception {
        Path data = directory.resolve("data");
        String tenant = acmeIn(data);
        Path national = Files.writeString(directory.resolve("national.txt"), "305,5550101\n");
        run("registry", "import", "--list", "national", "--as-of", "2026-03-10", "--data", data.toString(), "--no-progress", national.toString());
        Path list = Files.writeString(directory.resolve("contacts.csv"), "name,phone\nJane,(305) 555-0100\nJo,305-555-0101\nX,12\n");
        Path out = directory.resolve("scrubbed.csv");
        Run scrub = run("scrub", list.toString(), "--tenant", tenant, "--channel", "sms", "--purpose", "marketing", "--at", "2026-03-16T14:30:00Z",
                "--out", out.toString(), "--data", data.toString(), "--no-progress");
        assertThat(scrub.status()).as(scrub.err()).isZero();
        assertThat(scrub.out()).contains("3 rows scrubbed").contains("0 allow, 0 defer, 3 block").contains("CONSENT_MISSING                2");
        assertThat(Files.readAllLines(out)).containsExactly("name,phone,decision,reasons,not_before,e164",
                "Jane,(305) 555-0100,block,CONSENT_MISSING,,+13055550100",
                "Jo,305-555-0101,block,CONSENT_MISSING;DNC_NATIONAL,,+13055550101",
                "X,12,block,INVALID_ADDRESS,,");
        assertThat(Files.readString(directory.resolve("scrubbed.report.json")))
                .isEqualTo("{\"rows\":3,\"allow\":0,\"defer\":0,\"block\":3,\"removed_by_reason\":{\"CONSENT_MISSING\":2,\"DNC_NATIONAL\":1,\"INVALID_ADDRESS\":1}}\n");
        assertThat(Files.readString(directory.resolve("scrubbed.report.html"))).contains("<svg").contains("contacts.csv");

        Run noColumn = run("scrub", list.toString(), "--tenant", tenant, "--channel", "sms", "--purpose", "marketing", "--column", "mobile",
                "--out", out.toString(), "--data", data.toString(), "--no-progress");
        assertThat(noColumn.status()).isEqualTo(1);
        assertThat(noColumn.err()).contains("no column named 'mobile'");
        StringBuilder many = new StringBuilder("name,phone\n");
        for (int i = 0; i < 20_000; i++) {
            many.append("J,305555").append(String.format("%04d", i % 10_000)).append('\n');
        }
        byte[] text = many.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] notUtf8 = java.util.Arrays.copyOf(text, text.length + 3);
        notUtf8[text.length] = 'J';
        notUtf8[text.length + 1] = ',';
        notUtf8[text.length + 2] = (byte) 0xC3;
        Path broken = Files.write(directory.resolve("broken.csv"), notUtf8);
        Path brokenOut = directory.resolve("broken-out.csv");
        Run failed = run("scrub", broken.toString(), "--tenant", tenant, "--channel", "sms", "--purpose", "marketing",
                "--out", brokenOut.toString(), "--data", data.toString(), "--no-progress");
        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.err()).contains("record 20002 is not UTF-8 text");
        assertThat(brokenOut).as("no half-written list is left").doesNotExist();
        try (var files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
        assertThat(run("scrub", list.toString(), "--tenant", "ten_nobody", "--channel", "sms", "--purpose", "marketing",
                "--out", out.toString(), "--data", data.toString()).err()).contains("no tenant ten_nobody");
        assertThat(List.of(run("scrub", list.toString(), "--tenant", tenant, "--channel", "fax", "--purpose", "marketing",
                "--out", out.toString(), "--data", data.toString()).err())).allSatisfy(err -> assertThat(err).contains("--channel is sms"));
    }

    @Test
    void aScrubRefusesWhatItCannotDoInOneLineBeforeWritingAnything() throws Exception {
        Path data = directory.resolve("data");
        String tenant = acmeIn(data);
        Path list = Files.writeString(directory.resolve("contacts.csv"), "name,phone\nJane,(305) 555-0100\n");
        Path outputs = Files.createDirectory(directory.resolve("outputs"));
        Path out = outputs.resolve("scrubbed.csv");
        java.util.function.BiFunction<Path, String[], Run> scrub = (input, more) -> {
            List<String> args = new java.util.ArrayList<>(List.of("scrub", input.toString(), "--tenant", tenant, "--channel", "sms",
                    "--purpose", "marketing", "--data", data.toString(), "--no-progress"));
            args.addAll(List.of(more));
            return run(args.toArray(String[]::new));
        };
        refusedInOneLine(scrub.apply(list, new String[] {"--out", directory.resolve("missing").resolve("o.csv").toString()}),
                "no folder " + directory.resolve("missing"));
        refusedInOneLine(scrub.apply(list, new String[] {"--out", outputs.toString()}), outputs + " is a folder");
        Files.createDirectory(outputs.resolve("scrubbed.report.json"));
        refusedInOneLine(scrub.apply(list, new String[] {"--out", out.toString()}), "scrubbed.report.json is a folder");
        Files.delete(outputs.resolve("scrubbed.report.json"));
        refusedInOneLine(scrub.apply(outputs, new String[] {"--out", out.toString()}), outputs + " is a folder; LIST is the contact list");
        try (var files = Files.walk(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).as("nothing half-written, no contact data left behind")
                    .noneMatch(name -> name.endsWith(".partial") || name.startsWith("scrubbed") || name.startsWith("o.csv"));
        }
    }

    @Test
    void aScrubChecksItsCountryAndTimeAsTheApiDoes() throws Exception {
        Path data = directory.resolve("data");
        String tenant = acmeIn(data);
        Path list = Files.writeString(directory.resolve("contacts.csv"), "name,phone\nJane,(305) 555-0100\n");
        Path out = directory.resolve("scrubbed.csv");
        java.util.function.Function<String[], Run> scrub = more -> {
            List<String> args = new java.util.ArrayList<>(List.of("scrub", list.toString(), "--tenant", tenant, "--channel", "sms",
                    "--purpose", "marketing", "--data", data.toString(), "--no-progress", "--out", out.toString()));
            args.addAll(List.of(more));
            return run(args.toArray(String[]::new));
        };
        refusedInOneLine(scrub.apply(new String[] {"--country", "ZZ"}), "--country is an ISO 3166 country code");
        refusedInOneLine(scrub.apply(new String[] {"--at", "+1000000000-01-01T00:00:00Z"}), "--at must be between 1970 and 9999");
        refusedInOneLine(scrub.apply(new String[] {"--at", "1969-12-31T23:59:59Z"}), "--at must be between 1970 and 9999");
        assertThat(out).doesNotExist();

        Run inRange = scrub.apply(new String[] {"--country", "ca", "--at", "1970-01-01T00:00:00Z"});
        assertThat(inRange.status()).as(inRange.err()).isZero();
        assertThat(scrub.apply(new String[] {"--at", "9999-12-31T23:59:59Z"}).status()).isZero();
    }

    @Test
    void aScrubReadsNumbersWithoutCountryCodeInTheTenantsCountryAsTheApiDoes() throws Exception {
        Path data = directory.resolve("data");
        String tenant;
        try (Store store = Store.embedded(data, Clock.systemUTC())) {
            tenant = store.tenants().create(new NewTenant("Acme SARL", "Acme", "retail", "FR", "1 rue de la Paix, 75002 Paris", "aide@acme.example"))
                    .profile().id();
        }
        Path list = Files.writeString(directory.resolve("contacts.csv"), "name,phone\nMarie,06 12 34 56 78\n");
        Path out = directory.resolve("scrubbed.csv");
        Run scrub = run("scrub", list.toString(), "--tenant", tenant, "--channel", "sms", "--purpose", "marketing", "--at", "2026-03-16T10:30:00Z",
                "--out", out.toString(), "--data", data.toString(), "--no-progress");
        assertThat(scrub.status()).as(scrub.err()).isZero();
        assertThat(Files.readAllLines(out).get(1)).endsWith(",+33612345678");
        Run asUs = run("scrub", list.toString(), "--tenant", tenant, "--channel", "sms", "--purpose", "marketing", "--at", "2026-03-16T10:30:00Z",
                "--country", "US", "--out", out.toString(), "--data", data.toString(), "--no-progress");
        assertThat(asUs.status()).as(asUs.err()).isZero();
        assertThat(Files.readAllLines(out).get(1)).as("told otherwise").contains("INVALID_ADDRESS");
    }

    /** A store in {@code data} holding the tenant Acme; its id. */
    private static String acmeIn(Path data) {
        try (Store store = Store.embedded(data, Clock.systemUTC())) {
            return store.tenants().create(new NewTenant("Acme Inc.", "Acme", "retail", "US", "1 Main St, Miami FL 33101", "help@acme.example"))
                    .profile().id();
        }
    }
}
