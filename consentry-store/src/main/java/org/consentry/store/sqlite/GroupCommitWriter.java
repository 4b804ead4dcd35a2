package org.consentry.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.consentry.ledger.CanonicalJson;
import org.consentry.ledger.ChainHash;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.SealedFields;
import org.consentry.ledger.SubjectErased;
import org.consentry.store.ledger.EventReferences;
import org.consentry.store.ledger.LedgerListener;
import org.consentry.store.ledger.StoreUnavailableException;
import org.consentry.store.ledger.SubjectRefs;
import org.consentry.store.ledger.TableWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's only writer. Appends queue up while a transaction commits; the next transaction takes all
 * of them at once (group commit), so one fsync makes many appends durable. After a commit the listeners
 * see the new entries in order, and only then are the waiting appends answered.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 4096;
    private static final int QUEUE_CAPACITY = 65_536;
    private static final String INSERT = "INSERT INTO ledger (seq, tenant_id, tenant_seq, type, subject, ref, recorded_at, "
            + "payload, prev_hash, hash, subject_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The last link of a tenant's chain. */
    record Head(long seq, String hash) {
        static final Head GENESIS = new Head(0, ChainHash.GENESIS);
    }

    /** An append; {@code eraseRef} names the person whose key it destroys first, or is null. */
    private record Pending(String tenant, List<LedgerEvent> events, List<Prepared> prepared, String eraseRef, TableWrite alongside,
                           CompletableFuture<List<LedgerEntry>> done) {
    }

    /**
     * An event made ready on the caller's thread: its canonical JSON and, for an event about a person, their salted
     * hash and the event sealed under the key the caller believed theirs (a new key for someone it did not know). The
     * writer keeps the sealed form when that is the person's key, and seals again when not.
     */
    private record Prepared(String canonical, String ref, byte[] key, boolean fresh, String sealed) {
    }

    private static final int KEY_CACHE = 100_000;

    /** Opens the connection the writer writes through (again after a failed transaction). */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private Connection connection;
    private final Clock clock;
    private final List<LedgerListener> listeners;
    private final Map<String, Head> heads;
    private final SubjectRefs refs;
    private final SubjectDirectory subjects;
    /** Committed people's keys, for callers to seal with before the writer sees their events; bounded, may lag. */
    private final Map<String, SubjectKeyStatements.Subject> sealingKeys = new ConcurrentHashMap<>();
    private static final int SEALING_KEYS = 200_000;
    private final List<SubjectKeyStatements.Subject> newlyKnown = new ArrayList<>();
    private final ExecutorService completer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "consentry-ledger-acks");
        thread.setDaemon(true);
        return thread;
    });
    /** Recently used people's numbers and keys, by salted hash; cleared when a transaction rolls back. */
    private final Map<String, SubjectKeyStatements.Subject> keys = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, SubjectKeyStatements.Subject> eldest) {
            return size() > KEY_CACHE;
        }
    };
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private long nextSeq;
    private volatile boolean healthy = true;
    private volatile boolean projectionsBroken;
    private volatile boolean closing;
    /** An erasure's checkpoint could not clear the log (a reader held it): tried again when the writer is idle. */
    private boolean checkpointOwed;

    GroupCommitWriter(Connections connections, Clock clock, List<LedgerListener> listeners, Map<String, Head> heads, long lastSeq,
                      SubjectRefs refs, SubjectDirectory subjects) throws SQLException {
        this.connections = connections;
        this.connection = connections.open();
        this.refs = refs;
        this.subjects = subjects;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.heads = new HashMap<>(heads);
        this.nextSeq = lastSeq + 1;
        this.thread = new Thread(this::run, "consentry-ledger-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    CompletableFuture<List<LedgerEntry>> submit(String tenant, List<LedgerEvent> events) {
        return submit(tenant, events, null, null);
    }

    /** Appends the events and writes {@code alongside} (or nothing more, when null) in the same transaction. */
    CompletableFuture<List<LedgerEntry>> submit(String tenant, List<LedgerEvent> events, TableWrite alongside) {
        return submit(tenant, events, null, alongside);
    }

    /** Destroys the person's key and appends the erasure, in one transaction. */
    CompletableFuture<List<LedgerEntry>> erase(String tenant, String address) {
        String ref = refs.of(tenant, address);
        return submit(tenant, List.of(new SubjectErased(ref, address)), ref, null);
    }

    private CompletableFuture<List<LedgerEntry>> submit(String tenant, List<LedgerEvent> events, String eraseRef, TableWrite alongside) {
        CompletableFuture<List<LedgerEntry>> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new StoreUnavailableException("the ledger is closed"));
            return done;
        }
        try {
            // each event's canonical JSON is written here, on the caller's thread, so that the one writer only seals,
            // chains and stores
            List<Prepared> prepared = new ArrayList<>(events.size());
            for (LedgerEvent event : events) {
                prepared.add(prepare(tenant, event));
            }
            Pending pending = new Pending(tenant, List.copyOf(events), prepared, eraseRef, alongside, done);
            if (!queue.offer(pending, 5, TimeUnit.SECONDS)) {
                done.completeExceptionally(new StoreUnavailableException("the ledger is saturated; retry later"));
            } else if (closing && queue.remove(pending)) {
                done.completeExceptionally(new StoreUnavailableException("the ledger is closed")); // closed while this was being made ready
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(new StoreUnavailableException("interrupted while queueing", e));
        }
        return done;
    }

    private Prepared prepare(String tenant, LedgerEvent event) {
        String canonical = CanonicalJson.write(event.fields());
        if (event.subject() == null) {
            return new Prepared(canonical, null, null, false, null);
        }
        String ref = refs.of(tenant, event.subject());
        SubjectKeyStatements.Subject known = sealingKeys.get(ref);
        byte[] key = known != null ? known.key() : SealedFields.newKey();
        return new Prepared(canonical, ref, key, known == null,
                SealedFields.sealText(key, SealedFields.context(tenant, event.type().storedName()), canonical));
    }

    boolean healthy() {
        return healthy && !projectionsBroken;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (checkpointOwed) {
                        checkpoint();
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!closing) {
                    log.warn("ledger writer interrupted while open");
                }
            } catch (RuntimeException | Error e) {
                log.error("ledger writer failed a batch", e);
                fail(batch, new StoreUnavailableException("the ledger writer failed: " + e, e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        Instant recordedAt = ChainHash.ledgerTime(clock.instant());
        Map<String, Head> staged = new HashMap<>();
        List<List<LedgerEntry>> results = new ArrayList<>(batch.size());
        long seq = nextSeq;
        boolean erased = false;
        newlyKnown.clear();
        Set<String> erasedRefs = new HashSet<>();
        SubjectKeyStatements keyStatements = null;
        boolean committed = false;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            keyStatements = new SubjectKeyStatements(connection, subjects);
            for (Pending pending : batch) {
                if (pending.alongside() != null && !writeAlongside(pending)) {
                    results.add(null); // refused alone; the rest of the batch goes on
                    continue;
                }
                List<LedgerEntry> entries = new ArrayList<>(pending.events().size());
                Head head = staged.getOrDefault(pending.tenant(), heads.getOrDefault(pending.tenant(), Head.GENESIS));
                if (pending.eraseRef() != null) {
                    sealingKeys.remove(pending.eraseRef());
                    keyStatements.destroyKey(pending.tenant(), pending.eraseRef(), recordedAt);
                    keys.remove(pending.eraseRef());
                    erasedRefs.add(pending.eraseRef());
                    erased = true;
                }
                for (int i = 0; i < pending.events().size(); i++) {
                    LedgerEntry entry = link(seq++, pending.tenant(), head, recordedAt, pending.events().get(i), pending.prepared().get(i),
                            insert, keyStatements);
                    head = new Head(entry.tenantSeq(), entry.hash());
                    entries.add(entry);
                }
                staged.put(pending.tenant(), head);
                results.add(entries);
            }
            keyStatements.flush();
            insert.executeBatch();
            connection.commit();
            committed = true;
        } catch (SQLException | RuntimeException | Error e) {
            if (!committed) {
                startAfresh();
                keys.clear(); // keys made in the failed transaction were never kept
                sealingKeys.clear();
                if (keyStatements != null) {
                    keyStatements.forgetFiled();
                }
                healthy = false;
                log.error("ledger commit failed; {} appends refused", batch.size(), e);
                fail(batch, new StoreUnavailableException("the ledger could not make the write durable: " + e.getMessage(), e));
                if (keyStatements != null) {
                    closeQuietly(keyStatements);
                }
                return;
            }
            log.warn("closing the writer's statements after a commit failed", e);
        }
        // committed: what follows must not undo it
        subjects.commitIds();
        closeQuietly(keyStatements);
        if (sealingKeys.size() > SEALING_KEYS) {
            sealingKeys.clear();
        }
        for (SubjectKeyStatements.Subject known : newlyKnown) {
            if (!erasedRefs.contains(known.ref())) { // a key destroyed later in this batch must not be offered again
                sealingKeys.put(known.ref(), known);
            }
        }
        for (String ref : erasedRefs) {
            sealingKeys.remove(ref);
        }
        healthy = true;
        nextSeq = seq;
        heads.putAll(staged);
        if (erased) {
            checkpoint();
        }
        for (int i = 0; i < batch.size(); i++) {
            if (results.get(i) != null) {
                project(results.get(i));
            }
        }
        // the callers are woken on another thread: waking a hundred threads takes time the next batch can use
        List<Pending> answered = List.copyOf(batch); // the writer reuses its batch list
        Runnable acknowledge = () -> {
            for (int i = 0; i < answered.size(); i++) {
                if (results.get(i) != null) {
                    answered.get(i).done().complete(results.get(i));
                }
            }
        };
        try {
            completer.execute(acknowledge);
        } catch (RejectedExecutionException closed) {
            acknowledge.run(); // closing: the batch is durable, say so here
        }
    }

    /**
     * Writes an append's own rows inside a savepoint, so that rows refused by the database (a constraint) refuse that
     * append alone and not the batch it was committed with: false, and the append is failed, when they were refused.
     */
    private boolean writeAlongside(Pending pending) throws SQLException {
        try (Statement savepoint = connection.createStatement()) {
            savepoint.execute("SAVEPOINT alongside");
            try {
                pending.alongside().write(connection);
                savepoint.execute("RELEASE alongside");
                return true;
            } catch (SQLException | RuntimeException e) {
                savepoint.execute("ROLLBACK TO alongside");
                savepoint.execute("RELEASE alongside");
                log.warn("rows written with a ledger append were refused; that append alone is refused", e);
                pending.done().completeExceptionally(new StoreUnavailableException("the store refused the write: " + e.getMessage(), e));
                return false;
            }
        }
    }

    /**
     * Chains one event. An event about a person is stored sealed under that person's key (made now if they have
     * none), and filed under their salted hash, so that the stored ledger names no one in clear.
     */
    private LedgerEntry link(long seq, String tenant, Head head, Instant recordedAt, LedgerEvent event, Prepared prepared,
                             PreparedStatement insert, SubjectKeyStatements keyStatements) throws SQLException {
        long tenantSeq = head.seq() + 1;
        String type = event.type().storedName();
        SubjectKeyStatements.Subject subject = null;
        String payload = prepared.canonical();
        Map<String, Object> stored = null;
        if (prepared.ref() != null) {
            subject = keys.get(prepared.ref());
            if (subject == null) {
                // only a key the caller made for this event may become the person's; one it took from the cache may be destroyed
                subject = keyStatements.resolve(tenant, prepared.ref(), recordedAt, prepared.fresh() ? prepared.key() : null);
                keys.put(prepared.ref(), subject);
                newlyKnown.add(subject);
            }
            String sealed = subject.key() == prepared.key() || Arrays.equals(subject.key(), prepared.key()) ? prepared.sealed()
                    : SealedFields.sealText(subject.key(), SealedFields.context(tenant, type), prepared.canonical());
            stored = Map.of(SealedFields.MEMBER, sealed);
            payload = SealedFields.storedPayload(sealed);
        }
        String hash = ChainHash.ofPayload(tenant, tenantSeq, recordedAt, type, payload, head.hash());
        insert.setLong(1, seq);
        insert.setString(2, tenant);
        insert.setLong(3, tenantSeq);
        insert.setString(4, type);
        insert.setString(5, null); // an event about a person names them by number (subject_id), never by address
        insert.setString(6, EventReferences.consentOf(event));
        insert.setString(7, recordedAt.toString());
        insert.setString(8, payload);
        insert.setString(9, head.hash());
        insert.setString(10, hash);
        if (subject == null) {
            insert.setNull(11, Types.INTEGER);
        } else {
            insert.setInt(11, subject.id());
        }
        insert.addBatch();
        return new LedgerEntry(seq, tenant, tenantSeq, recordedAt, event, head.hash(), hash, stored);
    }

    /**
     * After an erasure: copies the WAL into the database file and truncates it, so that the destroyed key's bytes
     * (overwritten in the database, with secure_delete) do not linger in the log. Best effort: a reader holding an
     * old snapshot delays it to the next erasure.
     */
    private void checkpoint() {
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("PRAGMA busy_timeout = 250"); // a reader's snapshot must not stall every append for long
            try (ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                // busy, frames in the log, frames copied: the log is gone only when not busy and all were copied
                checkpointOwed = !result.next() || result.getInt(1) != 0 || result.getInt(2) != result.getInt(3);
            }
            statement.execute("PRAGMA busy_timeout = 10000");
        } catch (SQLException e) {
            checkpointOwed = true;
            log.warn("checkpoint after an erasure failed; retried when the writer is idle", e);
        } finally {
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                // never go on in autocommit (each statement of a batch durable on its own): a new connection instead
                log.error("cannot return the ledger connection to transactions; it is replaced", e);
                startAfresh();
            }
        }
    }

    private void project(List<LedgerEntry> entries) {
        for (LedgerEntry entry : entries) {
            for (LedgerListener listener : listeners) {
                try {
                    listener.apply(entry);
                } catch (RuntimeException e) {
                    projectionsBroken = true;
                    log.error("a projection failed on ledger entry {}; facts are unavailable until a restart rebuilds it",
                            entry.seq(), e);
                }
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("closing statements failed", e);
        }
    }

    /**
     * After a failed transaction: rolls it back and replaces the connection. On some errors (an I/O error, a full disk)
     * SQLite has rolled the transaction back itself; the driver's rollback then fails before it begins the next one, and
     * the connection would go on in autocommit: each statement of a later batch durable on its own, half a batch kept
     * while its callers are told that nothing was written, and the writer's chain heads and people's numbers no longer
     * those of the file (every later append refused until a restart). A connection that cannot be opened now is opened
     * again at the next failure.
     */
    private void startAfresh() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("ledger rollback failed; the connection is replaced", e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing the failed ledger connection failed", e);
        }
        try {
            connection = connections.open();
        } catch (SQLException e) {
            log.error("cannot open the ledger connection again; the next append tries again", e);
        }
    }

    private static void fail(List<Pending> batch, StoreUnavailableException error) {
        for (Pending pending : batch) {
            pending.done().completeExceptionally(error);
        }
    }

    @Override public void close() {
        closing = true;
        try {
            thread.join(30_000);
            completer.shutdown();
            completer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending pending; (pending = queue.poll()) != null; ) {
            pending.done().completeExceptionally(new StoreUnavailableException("the ledger closed"));
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing the ledger connection failed", e);
        }
    }
}
