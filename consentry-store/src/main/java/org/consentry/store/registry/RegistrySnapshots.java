package org.consentry.store.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.consentry.registry.NanpRegistry;
import org.consentry.registry.RegistryFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry copies imported from the registry's files ({@code national}, {@code state:XX}, {@code block}),
 * one snapshot file each in a folder ({@code data/registries}), mapped when opened. An import builds the next
 * copy beside the one in force and moves it over atomically; readers hold a reference to one immutable copy,
 * so no check ever sees a half-loaded registry, and an import that fails or is killed leaves the copy in force.
 * A server also notices copies imported by another process ({@code consentry registry import}) through
 * {@link #refresh}.
 */
public final class RegistrySnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrySnapshots.class);
    private static final Pattern LIST = Pattern.compile("national|block|state:[A-Z]{2}");
    private static final org.consentry.jurisdiction.Subdivisions SUBDIVISIONS = org.consentry.jurisdiction.Subdivisions.load();
    private static final String SUFFIX = ".dnc";
    private static final String LOCK = ".import.lock";

    /** The file a copy was mapped from, to notice when it is replaced. */
    private record Seen(Object key, long size, long modified) {
        static Seen of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Seen(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime().toMillis());
        }
    }

    private final Path folder;
    private final Map<String, NanpRegistry> copies = new ConcurrentHashMap<>();
    private final Map<String, Seen> seen = new HashMap<>();
    /** Why a list with a file and no copy in force is unknown. */
    private enum Unknown { UNREADABLE, CHECKING }

    /**
     * Lists whose snapshot file exists with no copy in force: it could not be read, or its first copy is still being
     * checked. One map, so that a list passes from one state to the other in one write: a check never sees it in neither.
     */
    private final Map<String, Unknown> unknown = new ConcurrentHashMap<>();

    private RegistrySnapshots(Path folder) {
        this.folder = folder;
    }

    /** Opens the folder (created if needed) and maps every copy in it. */
    public static RegistrySnapshots open(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        RegistrySnapshots snapshots = new RegistrySnapshots(folder);
        snapshots.refresh();
        return snapshots;
    }

    /** A list's name as the API writes it, checked: {@code national}, {@code block} or {@code state:XX}. */
    public static String listName(String raw) {
        boolean state = raw.regionMatches(true, 0, "state:", 0, 6);
        String name = state ? "state:" + raw.substring(6).toUpperCase(Locale.ROOT) : raw.toLowerCase(Locale.ROOT);
        if (!LIST.matcher(name).matches()) {
            throw new IllegalArgumentException("no list '" + raw + "'; lists are national, block and state:XX (a state's two letters)");
        }
        if (name.startsWith("state:") && SUBDIVISIONS.countryOf(name.substring(6)) == null) {
            // a list under a mistyped name would load and never match anyone: every check would pass it by
            throw new IllegalArgumentException("no state '" + raw.substring(6) + "'; state:XX takes a US state's two letters");
        }
        if (name.startsWith("state:") && !"US".equals(SUBDIVISIONS.countryOf(name.substring(6)))) {
            // the state Do-Not-Call rules bind US numbers only: a province's list would load and never block anyone
            throw new IllegalArgumentException("'" + name.substring(6) + "' is a Canadian province or territory: state:XX lists are "
                    + "the US states' Do-Not-Call lists, and Canada's National DNCL is not applied");
        }
        return name;
    }

    static String fileName(String list) {
        return list.replace(':', '-') + SUFFIX;
    }

    private static String listOf(String fileName) {
        String base = fileName.substring(0, fileName.length() - SUFFIX.length());
        return base.startsWith("state-") ? "state:" + base.substring(6) : base;
    }

    public Path folder() {
        return folder;
    }

    /** The copy in force of a list, or null when none was imported. */
    public NanpRegistry get(String list) {
        return copies.get(list);
    }

    /**
     * Whether any list is unknown: its snapshot could not be read, or is still being checked against its checksums, and
     * no copy of it is in force. Asked on every check, so it copies nothing. A check asks this <em>before</em> it reads
     * the copies in force ({@link #get}): a list leaves this state only by having a copy put in force first, so a check
     * that found no list unknown finds every list that has a file in force.
     */
    public boolean anyUnknown() {
        return !unknown.isEmpty();
    }

    /** Lists whose snapshot could not be read and that have no copy in force. */
    public java.util.Set<String> unreadable() {
        return unknownAs(Unknown.UNREADABLE);
    }

    /** Lists whose first copy is still being read against its checksums (none in force until it passes). */
    public java.util.Set<String> checking() {
        return unknownAs(Unknown.CHECKING);
    }

    private java.util.Set<String> unknownAs(Unknown state) {
        java.util.Set<String> lists = new java.util.TreeSet<>();
        unknown.forEach((list, why) -> {
            if (why == state) {
                lists.add(list);
            }
        });
        return lists;
    }

    /** Every copy in force. */
    public Collection<NanpRegistry> all() {
        return copies.values();
    }

    /**
     * Maps the copies whose files changed since they were last seen (another process imported them) and
     * forgets those whose files are gone. A file that cannot be read leaves the copy in force and is logged.
     * @return how many copies changed
     */
    public synchronized int refresh() {
        int changed = 0;
        Map<String, Path> present = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                String list = listOf(file.getFileName().toString());
                if (LIST.matcher(list).matches()) {
                    present.put(list, file);
                }
            }
        } catch (IOException e) {
            LOG.error("cannot list the registry snapshots in {}; the copies in force stay", folder, e);
            return 0;
        }
        for (Map.Entry<String, Path> entry : present.entrySet()) {
            String list = entry.getKey();
            Seen before = seen.get(list);
            Seen now;
            try {
                now = Seen.of(entry.getValue());
            } catch (IOException e) {
                continue; // renamed away under the listing: the next refresh sees what took its place
            }
            if (now.equals(before)) {
                continue;
            }
            // a file changed in place (not replaced by a move, which leaves the old file mapped as it was) changes the
            // copy in force with it: that copy is no longer the one that passed its check
            boolean inPlace = before != null && (now.key() == null || now.key().equals(before.key()));
            if (inPlace && copies.containsKey(list)) {
                unknown.put(list, Unknown.CHECKING); // first: a list is never neither in force nor unknown
                copies.remove(list);
            }
            try {
                SnapshotFile.Opened opened = SnapshotFile.openChecked(entry.getValue());
                seen.put(list, now);
                check(list, opened);
                changed++;
            } catch (IOException | RuntimeException e) {
                if (copies.containsKey(list)) {
                    LOG.error("cannot map the registry snapshot {}; the copy in force of {} stays", entry.getValue(), list, e);
                } else if (unknown.put(list, Unknown.UNREADABLE) != Unknown.UNREADABLE) {
                    // a damaged file's own message says what is wrong; a stack trace is for what nobody foresaw
                    LOG.error("cannot map the registry snapshot {}: {} is unknown and every check waits (STORE_UNAVAILABLE) until "
                            + "it is imported again ({})", entry.getValue(), list, e.getMessage(), e instanceof IOException ? null : e);
                }
                pending.remove(list); // an earlier file of the list still being checked is not this one
            }
        }
        for (String list : List.copyOf(pending.keySet())) {
            if (!present.containsKey(list) && !Files.exists(folder.resolve(fileName(list)))) {
                pending.remove(list); // its file is gone before its check ended: the list is forgotten, as below
            }
        }
        rejected.removeIf(list -> !present.containsKey(list) && !Files.exists(folder.resolve(fileName(list))));
        // as below: a listing may skip a name under a rename; an unreadable list is forgotten only when its file is gone
        unknown.keySet().removeIf(list -> !present.containsKey(list) && !Files.exists(folder.resolve(fileName(list))));
        // a copy its check took out of force is seen but not in force: its file gone, it must be read again when back
        seen.keySet().removeIf(list -> !copies.containsKey(list) && !present.containsKey(list)
                && !Files.exists(folder.resolve(fileName(list))));
        for (String list : List.copyOf(copies.keySet())) {
            // a listing taken while another process renames a new copy into place may skip the name on some file
            // systems: a list is forgotten only when its file is really gone
            if (!present.containsKey(list) && !Files.exists(folder.resolve(fileName(list)))) {
                copies.remove(list);
                seen.remove(list);
                changed++;
            }
        }
        return changed;
    }

    /**
     * Imports registry files into a list: reads them, writes the next copy beside the one in force, moves it
     * over atomically and puts it in force. One import at a time per folder, across processes.
     */
    public RegistryImport.Summary importFiles(String list, RegistryFiles.Kind kind, Instant asOf, long maxBadLines, List<Path> files,
                                              RegistryImport.Progress progress, Instant now) throws IOException {
        return importFiles(new RegistryImport(list, kind, asOf, maxBadLines), list, files, progress, now);
    }

    /** As above, with the import's limits set by the caller. */
    public RegistryImport.Summary importFiles(RegistryImport registryImport, String list, List<Path> files, RegistryImport.Progress progress,
                                              Instant now) throws IOException {
        Path lockFile = folder.resolve(LOCK);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException("another registry import is running in " + folder);
            }
            try {
                removePartials();
                refresh();
                awaitChecks(); // the list's newest file in force, or known to be damaged
                if (registryImport.kind() != RegistryFiles.Kind.FULL && (unknown.containsKey(list) || rejected.contains(list))) {
                    // changes start from the copy on disk: a damaged one must not be carried into a new copy, nor an older
                    // one in force stand in for it
                    throw new IOException("the copy of " + list + " in " + folder + " is damaged: a change list cannot be applied "
                            + "to it; import the full list");
                }
                RegistryImport.Built built = registryImport.read(files, get(list), now, progress);
                Path destination = folder.resolve(fileName(list));
                SnapshotFile.write(built.snapshot(), destination);
                SnapshotFile.Opened opened = SnapshotFile.openChecked(destination);
                if (opened.checked()) {
                    opened.verify(); // read back as mapped before any check relies on it
                }
                synchronized (this) {
                    copies.put(list, opened.registry()); // first: a list is never neither in force nor unknown
                    seen.put(list, Seen.of(destination));
                    pending.remove(list);
                    rejected.remove(list);
                    unknown.remove(list);
                }
                return built.summary();
            } finally {
                lock.release();
            }
        }
    }

    /**
     * Has a copy's numbers read against their checksums on a thread of its own (reading a national copy whole takes
     * longer than a restart may), and puts it in force once they pass. Until then the copy in force before it, if any,
     * still answers; a list with none is unknown ({@link #anyUnknown}): checks that need it wait (STORE_UNAVAILABLE)
     * and {@code /health} names it. A copy that fails is never put in force: its list becomes unreadable, or keeps
     * the copy in force before it and refuses change lists until a full list is imported. A number wrongly listed or
     * unlisted by a flipped bit is never relied on. A copy written before snapshots had checksums is put in force
     * unchecked, with a warning.
     */
    private void check(String list, SnapshotFile.Opened opened) {
        if (!opened.checked()) {
            LOG.warn("the registry snapshot {} was written before snapshots had checksums: it is used unchecked until {} is "
                    + "imported again", opened.file(), list);
            copies.put(list, opened.registry()); // first: a list is never neither in force nor unknown
            pending.remove(list);
            rejected.remove(list);
            unknown.remove(list);
            return;
        }
        if (!copies.containsKey(list)) {
            unknown.put(list, Unknown.CHECKING); // unknown until it passes (one write: from unreadable, or new)
        }
        pending.put(list, opened);
        CompletableFuture<Void> check = CompletableFuture.runAsync(() -> {
            Throwable failure = null;
            try {
                opened.verify();
            } catch (Throwable e) { // whatever stops the check (an InternalError from a mapped file cut short under the
                // reader, even an OutOfMemoryError), the copy was not shown sound, so it is not relied on (fail closed); the
                // check itself then ends normally, so that awaitChecks() never throws
                failure = e;
            }
            synchronized (this) {
                if (pending.get(list) != opened) {
                    return; // a newer file of the list, or an import, took its place
                }
                if (failure == null) {
                    copies.put(list, opened.registry()); // first: a list is never neither in force nor unknown
                    rejected.remove(list);
                    unknown.remove(list);
                } else if (copies.containsKey(list)) {
                    rejected.add(list);
                    LOG.error("{}: the copy of {} in force before it stays, and change lists are refused until the full list is "
                            + "imported again", failure.getMessage(), list);
                } else {
                    unknown.put(list, Unknown.UNREADABLE);
                    LOG.error("{}: {} is unknown and every check that needs it waits (STORE_UNAVAILABLE) until it is imported "
                            + "again", failure.getMessage(), list);
                }
                pending.remove(list);
            }
        }, work -> {
            Thread thread = new Thread(work, "consentry-registry-check");
            thread.setDaemon(true);
            thread.start();
        });
        checks.add(check);
        checks.removeIf(CompletableFuture::isDone);
    }

    /** Copies opened and being read against their checksums, not yet in force. */
    private final Map<String, SnapshotFile.Opened> pending = new ConcurrentHashMap<>();

    /** Lists whose newest file failed its check while an older copy stays in force. */
    private final java.util.Set<String> rejected = ConcurrentHashMap.newKeySet();

    /** The checks of copies opened, until they end. */
    private final java.util.Queue<CompletableFuture<Void>> checks = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Waits until every copy put in force so far has been checked against its checksums (for tests and tools). */
    public void awaitChecks() {
        for (CompletableFuture<Void> check : List.copyOf(checks)) {
            check.join();
        }
    }

    /** Temporary files left by an import that died (held under the import lock, so none is in use). */
    private void removePartials() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX + SnapshotFile.PARTIAL + "*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }
}
