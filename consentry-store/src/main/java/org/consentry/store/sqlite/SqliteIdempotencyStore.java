package org.consentry.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.store.idempotency.IdempotencyStore;
import org.consentry.store.ledger.StoreUnavailableException;

/**
 * Idempotency keys in the {@code idempotency} table, written through a connection of their own before the request
 * they claim takes effect. Claims made by this process and not yet ended are kept in memory too, to tell a request
 * still running from one a dead process left unended.
 *
 * <p>The connection commits with {@code synchronous=NORMAL}: a commit is written to the database's write-ahead log
 * without waiting for the disk. That survives the process being killed (the log is in the operating system's hands),
 * and a claim is on disk whenever the effect it guards is: every effect is a ledger entry, whose commit syncs the same
 * log ({@code synchronous=FULL}), and with it every frame written before it, the claim's among them. After a power
 * loss an answer kept after its effect may be lost; the retry then finds its claim unended and is refused (409),
 * never run twice. Syncing each claim and answer on its own cost two disk flushes a request (about 700 requests/s
 * with keys on this machine, against thousands without).
 */
public final class SqliteIdempotencyStore implements IdempotencyStore, AutoCloseable {

    /** How often, in the clock's time, answers older than {@link #KEPT} are deleted. */
    private static final long PURGE_EVERY_MILLIS = 60_000;

    private final SqliteDatabase database;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private Connection connection;
    private long purgedAt;
    private boolean purged;

    public SqliteIdempotencyStore(SqliteDatabase database) {
        this.database = database;
    }

    @Override public synchronized Claim claim(String tenant, String key, byte[] fingerprint, Instant now) {
        try {
            Connection db = connection();
            long nowMillis = now.toEpochMilli();
            long oldest = nowMillis - KEPT.toMillis();
            try {
                try (PreparedStatement select = db.prepareStatement(
                        "SELECT fingerprint, created_at, status, content_type, body FROM idempotency WHERE tenant_id = ? AND key = ?")) {
                    select.setString(1, tenant);
                    select.setString(2, key);
                    try (ResultSet row = select.executeQuery()) {
                        if (row.next() && row.getLong(2) > oldest) {
                            Instant at = Instant.ofEpochMilli(row.getLong(2));
                            byte[] stored = row.getBytes(1);
                            int status = row.getInt(3);
                            boolean ended = !row.wasNull();
                            String contentType = row.getString(4);
                            byte[] body = row.getBytes(5);
                            rollback(db);
                            if (!Arrays.equals(stored, fingerprint)) {
                                return new Reused(at);
                            }
                            if (!ended) {
                                return new Running(at, !running.contains(name(tenant, key)));
                            }
                            return new Answered(status, contentType, body == null ? new byte[0] : body, at);
                        }
                    }
                }
                // new, or kept past its day: the key starts again (and answers past their day go, now and then)
                purge(db, nowMillis, oldest);
                try (PreparedStatement insert = db.prepareStatement("INSERT OR REPLACE INTO idempotency (tenant_id, key, fingerprint, "
                        + "created_at, status, content_type, body) VALUES (?, ?, ?, ?, NULL, NULL, NULL)")) {
                    insert.setString(1, tenant);
                    insert.setString(2, key);
                    insert.setBytes(3, fingerprint);
                    insert.setLong(4, nowMillis);
                    insert.executeUpdate();
                }
                commit(db);
                running.add(name(tenant, key));
                return new Fresh();
            } catch (SQLException e) {
                rollbackQuietly(db);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot claim the idempotency key", e);
        }
    }

    @Override public synchronized void complete(String tenant, String key, int status, String contentType, byte[] body) {
        try {
            // the request took effect and its answer is given; should this fail, a retry finds the key unended, as after a crash
            update("keep the answer of the idempotency key",
                    "UPDATE idempotency SET status = ?, content_type = ?, body = ? WHERE tenant_id = ? AND key = ? AND status IS NULL",
                    status, contentType, body, tenant, key);
        } finally {
            running.remove(name(tenant, key));
        }
    }

    @Override public synchronized void release(String tenant, String key) {
        try {
            update("release the idempotency key", "DELETE FROM idempotency WHERE tenant_id = ? AND key = ? AND status IS NULL", tenant, key);
        } finally {
            running.remove(name(tenant, key));
        }
    }

    @Override public synchronized void forgetTenant(String tenant) {
        // claims still unended stay: they hold no answer, and a retry must not run what may have taken effect
        update("forget the tenant's idempotency keys", "DELETE FROM idempotency WHERE tenant_id = ? AND status IS NOT NULL", tenant);
    }

    /** One statement in a transaction of its own, committed (synced) before it returns. */
    private void update(String what, String sql, Object... values) {
        try {
            Connection db = connection();
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.executeUpdate();
                commit(db);
            } catch (SQLException e) {
                rollbackQuietly(db);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot " + what, e);
        }
    }

    private void purge(Connection db, long nowMillis, long oldest) throws SQLException {
        if (purged && nowMillis >= purgedAt && nowMillis - purgedAt < PURGE_EVERY_MILLIS) {
            return;
        }
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM idempotency WHERE created_at <= ?")) {
            delete.setLong(1, oldest);
            delete.executeUpdate();
        }
        purgedAt = nowMillis;
        purged = true;
    }

    private static String name(String tenant, String key) {
        return tenant + '\n' + key;
    }

    /**
     * The connection, in a transaction that holds the database's write lock from its start ({@code BEGIN IMMEDIATE}):
     * a transaction that read first and then wrote would fail at once, without waiting, had the ledger's writer committed
     * in between.
     */
    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = database.openWriter();
            connection.setAutoCommit(true); // transactions begun by hand, below
            try (java.sql.Statement pragma = connection.createStatement()) {
                pragma.execute("PRAGMA synchronous = NORMAL"); // see the class's comment: the ledger's commits sync the claims
            }
        }
        try (java.sql.Statement begin = connection.createStatement()) {
            begin.execute("BEGIN IMMEDIATE");
        }
        return connection;
    }

    private static void commit(Connection db) throws SQLException {
        try (java.sql.Statement end = db.createStatement()) {
            end.execute("COMMIT");
        }
    }

    private static void rollback(Connection db) throws SQLException {
        try (java.sql.Statement end = db.createStatement()) {
            end.execute("ROLLBACK");
        }
    }

    private static void rollbackQuietly(Connection db) {
        try {
            rollback(db);
        } catch (SQLException ignored) {
            // the connection is broken: the next call opens another
        }
    }

    @Override public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing
            }
            connection = null;
        }
    }
}
