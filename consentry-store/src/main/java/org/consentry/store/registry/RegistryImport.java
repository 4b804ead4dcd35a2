package org.consentry.store.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.consentry.registry.NanpRegistry;
import org.consentry.registry.RegistryBuilder;
import org.consentry.registry.RegistryFiles;

/**
 * Reads registry files into the next copy of one list. A full list replaces the copy in force; additions,
 * deletions and change lists are applied to it. Bad lines are counted, the first {@value #KEPT_BAD_LINES}
 * kept with their file and line number; more than {@code maxBadLines} refuses the import (a download cut
 * short or a file of another shape must not silently thin out the registry).
 */
public final class RegistryImport {

    /** How many bad lines a summary names one by one. */
    public static final int KEPT_BAD_LINES = 20;

    /** A bad line: where, and why. */
    public record BadLine(String source, long line, String why) {
        @Override public String toString() {
            return source + ":" + line + ": " + why;
        }
    }

    /** What an import did. */
    public record Summary(String list, RegistryFiles.Kind kind, Instant asOf, long linesRead, long added, long removed,
                          long size, long badLines, List<BadLine> firstBadLines) {
    }

    /** Told of progress as the files are read. */
    public interface Progress {
        Progress NONE = new Progress() {
            @Override public void bytes(long read) {
            }
        };

        /** {@code read} more bytes of the files (as stored, compressed or not) were read. */
        void bytes(long read);
    }

    /** The import refused: too many bad lines. The copy in force stays. */
    public static final class Refused extends IOException {
        private final transient Summary summary;

        Refused(String message, Summary summary) {
            super(message);
            this.summary = summary;
        }

        public Summary summary() {
            return summary;
        }
    }

    private final String list;
    private final RegistryFiles.Kind kind;
    private final Instant asOf;
    private final long maxBadLines;
    private final int maxShrinkPercent;
    private final boolean allowEmpty;

    /**
     * How far past the clock a copy's date may be (clocks drift), as the API allows ({@code Moments.SKEW}): a copy
     * dated later would never be older than 31 days when it should be, and {@code DNC_LIST_STALE} would not fire.
     */
    public static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    /** How much smaller than the copy in force a full list may be, in percent, unless told otherwise. */
    public static final int MAX_SHRINK_PERCENT = 10;

    RegistryFiles.Kind kind() {
        return kind;
    }

    public RegistryImport(String list, RegistryFiles.Kind kind, Instant asOf, long maxBadLines) {
        this(list, kind, asOf, maxBadLines, MAX_SHRINK_PERCENT);
    }

    /**
     * {@code maxShrinkPercent}: a full list more than this much smaller than the copy in force is refused (a
     * download cut short at a line's end, or a zip read through a pipe without its last entries, leaves no bad
     * line behind); 100 accepts any size.
     */
    public RegistryImport(String list, RegistryFiles.Kind kind, Instant asOf, long maxBadLines, int maxShrinkPercent) {
        this.list = Objects.requireNonNull(list, "list");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.maxBadLines = maxBadLines;
        this.maxShrinkPercent = maxShrinkPercent;
        this.allowEmpty = false;
    }

    private RegistryImport(RegistryImport asked, boolean allowEmpty) {
        this.list = asked.list;
        this.kind = asked.kind;
        this.asOf = asked.asOf;
        this.maxBadLines = asked.maxBadLines;
        this.maxShrinkPercent = asked.maxShrinkPercent;
        this.allowEmpty = allowEmpty;
    }

    /**
     * The same import, accepting change files that hold no line. Without it they are refused: a change list with no
     * change is possible, but so is a download that failed to an empty file, and recording it would date the copy in
     * force anew, so that a registry no longer refreshed would never be found stale (DNC_LIST_STALE).
     */
    public RegistryImport allowingEmpty() {
        return new RegistryImport(this, true);
    }

    /** Whether a copy's date is later than {@code now} allows (more than {@link #CLOCK_SKEW} ahead). */
    public static boolean isFuture(Instant asOf, Instant now) {
        return asOf.isAfter(now.plus(CLOCK_SKEW));
    }

    /** The total size of the files as stored, for a progress bar. */
    public static long totalBytes(List<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    /**
     * Reads the files and builds the next copy; {@code current} is the copy in force (null when none).
     * Nothing is written here: the caller writes the snapshot and swaps it in.
     */
    public Built read(List<Path> files, NanpRegistry current, Instant now, Progress progress) throws IOException {
        if (isFuture(asOf, now)) {
            throw new IOException("the copy is dated " + asOf + ", in the future: its date is when the registry made it");
        }
        if (kind != RegistryFiles.Kind.FULL && current == null) {
            throw new IOException("no copy of " + list + " is in force: import its full list first (--kind full); "
                    + "changes alone are not a registry");
        }
        RegistryBuilder builder = new RegistryBuilder();
        if (kind != RegistryFiles.Kind.FULL && current != null) {
            builder.startFrom(current);
        }
        long startSize = kind != RegistryFiles.Kind.FULL && current != null ? current.size() : 0;
        List<BadLine> bad = new ArrayList<>();
        RegistryFiles reader = new RegistryFiles(kind, new RegistryFiles.Sink() {
            @Override public void add(int areaCode, int local) {
                builder.add(areaCode, local);
            }

            @Override public void remove(int areaCode, int local) {
                builder.remove(areaCode, local);
            }

            @Override public void bad(String source, long line, String why) {
                if (bad.size() < KEPT_BAD_LINES) {
                    bad.add(new BadLine(source, line, why));
                }
            }
        });
        for (Path file : files) {
            if (isZipFile(file)) {
                readZip(file, reader, progress);
                continue;
            }
            // not Files.newInputStream: it cannot tell how much a pipe holds, and a list may come through one
            try (InputStream stored = new CountingStream(new java.io.FileInputStream(file.toFile()), progress)) {
                reader.readStored(stored, file.getFileName().toString());
            }
        }
        long added = builder.added();
        long removed = builder.removed();
        if (kind == RegistryFiles.Kind.FULL && current != null) {
            // the copy replaces the one in force: what it adds and removes is counted against that, not against nothing
            RegistryBuilder.Difference difference = builder.differenceFrom(current);
            added = difference.added();
            removed = difference.removed();
        }
        Summary summary = new Summary(list, kind, asOf, reader.numbers() + reader.badLines(), added, removed,
                startSize + builder.added() - builder.removed(), reader.badLines(), List.copyOf(bad));
        if (reader.badLines() > maxBadLines) {
            throw new Refused(reader.badLines() + " bad lines (at most " + maxBadLines + " accepted); the registry in force is unchanged",
                    summary);
        }
        if (kind != RegistryFiles.Kind.FULL && summary.linesRead() == 0 && !allowEmpty) {
            throw new Refused("the files hold no line: a change list with no change is possible, but so is a failed download, "
                    + "and recording it would date the copy " + asOf + "; the registry in force is unchanged (--allow-empty to record it)",
                    summary);
        }
        if (kind == RegistryFiles.Kind.FULL && summary.size() == 0) {
            throw new Refused("the files hold no number: a full list is never empty (a failed download?); the registry in force is unchanged",
                    summary);
        }
        if (kind == RegistryFiles.Kind.FULL && current != null && maxShrinkPercent < 100
                && summary.size() < current.size() * (100 - maxShrinkPercent) / 100) {
            throw new Refused(String.format(java.util.Locale.ROOT, "the new copy holds %,d numbers, the one in force %,d: more than %d%% "
                    + "fewer (a download cut short?); the registry in force is unchanged (--max-shrink to accept)", summary.size(),
                    current.size(), maxShrinkPercent), summary);
        }
        return new Built(summary, builder.build(list, asOf, now));
    }

    /** A regular file that starts as a zip archive does: read through its central directory, which a cut archive lacks. */
    private static boolean isZipFile(Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return false;
        }
        byte[] start = new byte[4];
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return in.readNBytes(start, 0, 4) == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4;
        }
    }

    private static void readZip(Path file, RegistryFiles reader, Progress progress) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    reader.read(in, file.getFileName() + "!" + entry.getName());
                }
            }
            progress.bytes(java.nio.file.Files.size(file));
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + " is not a whole zip archive (" + e.getMessage() + "); was the download cut short?", e);
        }
    }

    /** The summary and the snapshot to write. */
    public record Built(Summary summary, RegistryBuilder.Snapshot snapshot) {
    }

    /** Counts the bytes read from a file as stored, for progress. */
    private static final class CountingStream extends FilterInputStream {
        private final Progress progress;

        CountingStream(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.bytes(1);
            }
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                progress.bytes(n);
            }
            return n;
        }
    }
}
