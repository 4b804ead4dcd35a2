package org.consentry.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.consentry.registry.NanpRegistry;
import org.consentry.registry.RegistryFiles;
import org.consentry.store.registry.RegistryImport;
import org.consentry.store.Store;
import org.consentry.store.registry.RegistrySnapshots;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code consentry registry}: the Do-Not-Call registry copies in the data folder. */
@Command(name = "registry", description = "Import Do-Not-Call registry files and show the copies in force.",
        subcommands = {RegistryCommand.Import.class, RegistryCommand.Status.class, CommandLine.HelpCommand.class})
final class RegistryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static RegistrySnapshots open(Path data) {
        return RegistrySnapshots.open(data.resolve(Store.REGISTRIES));
    }

    /** Exit 0 when imported, 1 when refused (bad lines; the copy in force stays), 2 when the files cannot be read. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import the registry's files into a list: a full list replaces the copy in force, a change list is applied to it.",
                "Formats (plain, gzip or zip): AAA,NNNNNNN or AAANNNNNNN per line; change lists AAA,NNNNNNN,A|D.",
                "A running server takes the new copy within seconds; an import that fails leaves the old one answering."})
    static final class Import implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--list", required = true, description = "national, state:XX (e.g. state:FL) or block")
        String list;

        @Option(names = "--kind", defaultValue = "full", description = "full (default), additions, deletions or changes")
        String kind;

        @Option(names = "--as-of", description = "the date of the registry copy (YYYY-MM-DD or an instant), never in the future; "
                + "default: the oldest of the files' modification times; required when a FILE is a pipe, e.g. <(curl ...)")
        String asOf;

        @Option(names = "--max-bad-lines", defaultValue = "0", description = "bad lines accepted before the import is refused (default 0)")
        long maxBadLines;

        @Option(names = "--max-shrink", defaultValue = "10",
                description = "a full list this many percent smaller than the copy in force is refused (default 10; 100 accepts any)")
        int maxShrink;

        @Option(names = "--allow-empty", description = "record change files that hold no line (refused otherwise: an empty download "
                + "would date the copy in force anew, and a registry no longer refreshed would never be found stale)")
        boolean allowEmpty;

        @picocli.CommandLine.Mixin
        DataFolder dataFolder;

        @Option(names = "--no-progress", description = "no progress bar (for logs)")
        boolean noProgress;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "the registry's files (or pipes, with --as-of)")
        List<Path> files;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String name;
            RegistryFiles.Kind fileKind;
            try {
                name = RegistrySnapshots.listName(list);
                fileKind = RegistryFiles.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage().startsWith("No enum") ? "--kind is full, additions, deletions or changes, not " + kind : e.getMessage());
                return 2;
            }
            String unfit = unfitFile();
            if (unfit != null) {
                err.println(unfit);
                return 2;
            }
            Instant date;
            long total;
            try {
                date = asOf != null ? parseDate(asOf) : oldestModification(files);
                total = RegistryImport.totalBytes(files);
            } catch (DateTimeParseException e) {
                err.println("--as-of is a date (2026-11-20) or an instant (2026-11-20T06:00:00Z), not " + asOf);
                return 2;
            } catch (IOException e) {
                err.println(e.getMessage());
                return 2;
            }
            if (RegistryImport.isFuture(date, Instant.now())) {
                // a copy dated ahead would stay fresh past its 31 days: DNC_LIST_STALE would never fire for it
                err.println((asOf != null ? "--as-of " + asOf : "the files' modification time " + date) + " is in the future; "
                        + "--as-of is the date the registry made the copy");
                return 2;
            }
            long started = System.nanoTime();
            RegistryImport.Summary summary;
            try (ProgressBar bar = noProgress ? null : bar(name, total)) {
                AtomicLong read = new AtomicLong();
                RegistryImport.Progress progress = bar == null ? RegistryImport.Progress.NONE : bytes -> {
                    long now = read.addAndGet(bytes);
                    if ((now >>> 20) != ((now - bytes) >>> 20)) {
                        bar.stepTo(now >>> 20);
                    }
                };
                RegistryImport asked = new RegistryImport(name, fileKind, date, maxBadLines, maxShrink);
                summary = open(dataFolder.path).importFiles(allowEmpty ? asked.allowingEmpty() : asked, name, files, progress,
                        Instant.now());
                if (bar != null) {
                    bar.stepTo(total >>> 20);
                }
            } catch (RegistryImport.Refused refused) {
                print(err, refused.summary(), System.nanoTime() - started);
                err.println("refused: " + refused.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("import failed, the registry in force is unchanged: " + e.getMessage());
                return 2;
            }
            print(out, summary, System.nanoTime() - started);
            return 0;
        }

        /** Why a FILE cannot be imported as asked, or null: it must be readable, and a pipe's date must be given. */
        private String unfitFile() {
            for (Path file : files) {
                if (Files.isDirectory(file)) {
                    return file + " is a folder; give the registry's files";
                }
                if (!Files.isReadable(file)) {
                    return "cannot read " + file;
                }
            }
            for (Path file : files) {
                if (asOf == null && !Files.isRegularFile(file)) {
                    // a pipe's modification time is when it was read: a months-old download would pass for a fresh copy
                    return "--as-of is required: " + file + " is not a regular file (a pipe?), so its modification time "
                            + "is not the date of the registry copy";
                }
            }
            return null;
        }

        private static ProgressBar bar(String name, long totalBytes) {
            return new ProgressBarBuilder().setTaskName(name).setInitialMax(Math.max(1, totalBytes >>> 20)).setUnit(" MiB", 1)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(250).continuousUpdate().build();
        }

        private static void print(PrintWriter out, RegistryImport.Summary summary, long nanos) {
            double seconds = nanos / 1e9;
            out.printf(Locale.ROOT, "%s (%s, as of %s): %,d lines read in %.1f s (%,.0f numbers/s)%n", summary.list(),
                    summary.kind().name().toLowerCase(Locale.ROOT), summary.asOf(), summary.linesRead(), seconds,
                    summary.linesRead() / Math.max(seconds, 1e-9));
            out.printf(Locale.ROOT, "  added %,d, removed %,d, now %,d numbers; %,d bad lines%n", summary.added(), summary.removed(),
                    summary.size(), summary.badLines());
            for (RegistryImport.BadLine bad : summary.firstBadLines()) {
                out.println("  bad line " + bad);
            }
            if (summary.badLines() > summary.firstBadLines().size()) {
                out.printf(Locale.ROOT, "  ... and %,d more bad lines%n", summary.badLines() - summary.firstBadLines().size());
            }
            out.flush();
        }

        static Instant parseDate(String value) {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        }

        private static Instant oldestModification(List<Path> files) throws IOException {
            Instant oldest = null;
            for (Path file : files) {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                if (oldest == null || modified.isBefore(oldest)) {
                    oldest = modified;
                }
            }
            return oldest;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the registry copies in force: numbers, date, age.")
    static final class Status implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Mixin
        DataFolder dataFolder;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RegistrySnapshots snapshots = open(dataFolder.path);
            snapshots.awaitChecks(); // every copy read whole against its checksums: a copy changed on disk shows as UNREADABLE
            java.util.Set<String> unreadable = snapshots.unreadable();
            if (snapshots.all().isEmpty() && unreadable.isEmpty()) {
                out.println("no registry copy imported in " + snapshots.folder());
            }
            for (NanpRegistry copy : snapshots.all().stream().sorted(java.util.Comparator.comparing(NanpRegistry::list)).toList()) {
                out.printf(Locale.ROOT, "%-10s %,15d numbers  as of %s (%d days old)%n", copy.list(), copy.size(), copy.asOf(),
                        Duration.between(copy.asOf(), Instant.now()).toDays());
            }
            // a snapshot that cannot be read is not an absent list: every check waits (STORE_UNAVAILABLE) until it is imported again
            unreadable.stream().sorted().forEach(list -> out.println(list + ": UNREADABLE (checks wait until it is imported again)"));
            out.flush();
            return unreadable.isEmpty() ? 0 : 1;
        }
    }
}
