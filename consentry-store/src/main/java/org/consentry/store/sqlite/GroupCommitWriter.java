package org.consentry.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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
            + "payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The last link of a tenant's chain. */
    record Head(long seq, String hash) {
        static final Head GENESIS = new Head(0, ChainHash.GENESIS);
    }

    /** An append; {@code eraseRef} names the person whose key it destroys first, or is null. */
    private record Pending(String tenant, List<LedgerEvent> events, String eraseRef, CompletableFuture<List<LedgerEntry>> done) {
    }

    private static final int KEY_CACHE = 100_000;

    private final Connection connection;
    private final Clock clock;
    private final List<LedgerListener> listeners;
    private final Map<String, Head> heads;
    private final SubjectRefs refs;
    /** Recently used subject keys, by tenant and subject ref; cleared when a transaction rolls back. */
    private final Map<String, byte[]> keys = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > KEY_CACHE;
        }
    };
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private long nextSeq;
    private volatile boolean healthy = true;
    private volatile boolean projectionsBroken;
    private volatile boolean closing;

    GroupCommitWriter(Connection connection, Clock clock, List<LedgerListener> listeners, Map<String, Head> heads, long lastSeq,
                      SubjectRefs refs) {
        this.connection = connection;
        this.refs = refs;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.heads = new HashMap<>(heads);
        this.nextSeq = lastSeq + 1;
        this.thread = new Thread(this::run, "consentry-ledger-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    CompletableFuture<List<LedgerEntry>> submit(String tenant, List<LedgerEvent> events) {
        return submit(tenant, events, null);
    }

    /** Destroys the person's key and appends the erasure, in one transaction. */
    CompletableFuture<List<LedgerEntry>> erase(String tenant, String address) {
        String ref = refs.of(tenant, address);
        return submit(tenant, List.of(new SubjectErased(ref, address)), ref);
    }

    private CompletableFuture<List<LedgerEntry>> submit(String tenant, List<LedgerEvent> events, String eraseRef) {
        CompletableFuture<List<LedgerEntry>> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new StoreUnavailableException("the ledger is closed"));
            return done;
        }
        try {
            if (!queue.offer(new Pending(tenant, List.copyOf(events), eraseRef, done), 5, TimeUnit.SECONDS)) {
                done.completeExceptionally(new StoreUnavailableException("the ledger is saturated; retry later"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(new StoreUnavailableException("interrupted while queueing", e));
        }
        return done;
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
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
             SubjectKeyStatements keyStatements = new SubjectKeyStatements(connection)) {
            for (Pending pending : batch) {
                List<LedgerEntry> entries = new ArrayList<>(pending.events().size());
                Head head = staged.getOrDefault(pending.tenant(), heads.getOrDefault(pending.tenant(), Head.GENESIS));
                if (pending.eraseRef() != null) {
                    keyStatements.delete(pending.tenant(), pending.eraseRef());
                    keys.remove(pending.tenant() + "\n" + pending.eraseRef());
                    erased = true;
                }
                for (LedgerEvent event : pending.events()) {
                    LedgerEntry entry = link(seq++, pending.tenant(), head, recordedAt, event, insert, keyStatements);
                    head = new Head(entry.tenantSeq(), entry.hash());
                    entries.add(entry);
                }
                staged.put(pending.tenant(), head);
                results.add(entries);
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollback();
            keys.clear(); // keys made in the failed transaction were never kept
            healthy = false;
            log.error("ledger commit failed; {} appends refused", batch.size(), e);
            fail(batch, new StoreUnavailableException("the ledger could not make the write durable: " + e.getMessage(), e));
            return;
        }
        healthy = true;
        nextSeq = seq;
        heads.putAll(staged);
        if (erased) {
            checkpoint();
        }
        for (int i = 0; i < batch.size(); i++) {
            project(results.get(i));
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(results.get(i));
        }
    }

    /**
     * Chains one event. An event about a person is stored sealed under that person's key (made now if they have
     * none), and filed under their salted hash, so that the stored ledger names no one in clear.
     */
    private LedgerEntry link(long seq, String tenant, Head head, Instant recordedAt, LedgerEvent event, PreparedStatement insert,
                             SubjectKeyStatements keyStatements) throws SQLException {
        long tenantSeq = head.seq() + 1;
        String type = event.type().storedName();
        Map<String, Object> fields = event.fields();
        String subject = null;
        Map<String, Object> stored = null;
        if (event.subject() != null) {
            subject = refs.of(tenant, event.subject());
            byte[] key = keys.get(tenant + "\n" + subject);
            if (key == null) {
                key = keyStatements.findOrCreate(tenant, subject, recordedAt);
                keys.put(tenant + "\n" + subject, key);
            }
            stored = SealedFields.seal(key, SealedFields.context(tenant, tenantSeq, type), fields);
            fields = stored;
        }
        String hash = ChainHash.of(tenant, tenantSeq, recordedAt, type, fields, head.hash());
        insert.setLong(1, seq);
        insert.setString(2, tenant);
        insert.setLong(3, tenantSeq);
        insert.setString(4, type);
        insert.setString(5, subject);
        insert.setString(6, EventReferences.consentOf(event));
        insert.setString(7, recordedAt.toString());
        insert.setString(8, CanonicalJson.write(fields));
        insert.setString(9, head.hash());
        insert.setString(10, hash);
        insert.addBatch();
        return new LedgerEntry(seq, tenant, tenantSeq, recordedAt, event, head.hash(), hash, stored);
    }

    /**
     * After an erasure: copies the WAL into the database file and truncates it, so that the destroyed key's bytes
     * (overwritten in the database, with secure_delete) do not linger in the log. Best effort: a reader holding an
     * old snapshot delays it to the next erasure.
     */
    private void checkpoint() {
        try (java.sql.Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            log.warn("checkpoint after an erasure failed", e);
        } finally {
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                log.error("cannot return the ledger connection to transactions", e);
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

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.error("ledger rollback failed", e);
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
