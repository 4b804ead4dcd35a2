package org.consentry.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.consentry.ledger.LedgerEvent;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.ledger.StoreUnavailableException;
import org.consentry.store.outbox.MessageStatus;
import org.consentry.store.outbox.Outbox;
import org.consentry.store.outbox.OutboxMessage;
import org.consentry.store.outbox.RequestJson;
import org.consentry.store.outbox.StatusEntry;
import org.consentry.store.outbox.StatusNotice;

/**
 * The outbox in the embedded database's {@code outbox} and {@code message_status} tables. Its rows are written by the
 * ledger's writer, inside the transaction of the events they go with ({@link Ledger#append(String, List,
 * org.consentry.store.ledger.TableWrite)}): group-committed with every other append, and durable when it returns.
 * Reads go through the database's readers.
 */
public final class SqliteOutbox implements Outbox {

    private static final String COLUMNS = "id, tenant_id, address, request, status, due_at, committed, attempts, created_at, provider_id";

    private final SqliteDatabase database;
    private final Ledger ledger;
    private final java.util.function.Predicate<String> notifies;
    private final WriterStatements writes = new WriterStatements();

    /**
     * @param notifies whether a tenant has a status webhook now: its statuses are then kept as notices due at once
     */
    public SqliteOutbox(SqliteDatabase database, Ledger ledger, java.util.function.Predicate<String> notifies) {
        this.database = database;
        this.ledger = ledger;
        this.notifies = notifies;
    }

    @Override public void accept(Accepted message, List<LedgerEvent> events) {
        ledger.append(message.tenant(), events, connection -> {
            if (message.idempotencyKey() != null) {
                // a key's first answer is given again for a day only; after that the key names this message
                PreparedStatement free = writes.prepared(connection,
                        "UPDATE outbox SET idempotency_key = NULL WHERE tenant_id = ? AND idempotency_key = ?");
                free.setString(1, message.tenant());
                free.setString(2, message.idempotencyKey());
                free.executeUpdate();
            }
            PreparedStatement insert = writes.prepared(connection, "INSERT INTO outbox (id, tenant_id, address, channel, status, due_at, "
                    + "committed, attempts, request, created_at, provider_id, idempotency_key, fingerprint, answer) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, NULL, ?, ?, ?)");
            insert.setString(1, message.id());
            insert.setString(2, message.tenant());
            insert.setString(3, message.address());
            insert.setString(4, message.request().channel().wireName());
            insert.setString(5, message.status().wireName());
            setInstant(insert, 6, message.dueAt());
            insert.setInt(7, message.committed() ? 1 : 0);
            insert.setString(8, RequestJson.write(message.request()));
            insert.setLong(9, message.at().toEpochMilli());
            insert.setString(10, message.idempotencyKey());
            insert.setBytes(11, message.fingerprint());
            insert.setBytes(12, message.answer());
            insert.executeUpdate();
            addStatus(connection, message.tenant(), message.id(), 0, message.status(), message.at(), message.detail());
        });
    }

    @Override public void change(OutboxMessage message, Change change, List<LedgerEvent> events) {
        ledger.append(message.tenant(), events, connection -> {
            StringBuilder sql = new StringBuilder("UPDATE outbox SET due_at = ?, attempts = ?");
            if (change.status() != null) {
                sql.append(", status = ?");
            }
            if (change.committed() != null) {
                sql.append(", committed = 1, request = ?");
            }
            if (change.providerId() != null) {
                sql.append(", provider_id = ?");
            }
            sql.append(" WHERE id = ?");
            PreparedStatement update = writes.prepared(connection, sql.toString());
            int i = 1;
            setInstant(update, i++, change.dueAt());
            update.setInt(i++, change.attempts());
            if (change.status() != null) {
                update.setString(i++, change.status().wireName());
            }
            if (change.committed() != null) {
                update.setString(i++, RequestJson.write(change.committed()));
            }
            if (change.providerId() != null) {
                update.setString(i++, change.providerId());
            }
            update.setString(i, message.id());
            if (update.executeUpdate() == 1 && change.status() != null) {
                addStatus(connection, message.tenant(), message.id(), -1, change.status(), change.at(), change.detail());
            }
        });
    }

    /** One status at the end of a message's history ({@code seq} -1: after the last one), a notice due when the tenant hears. */
    private void addStatus(Connection connection, String tenant, String id, int seq, MessageStatus status, Instant at, String detail)
            throws SQLException {
        String sql = seq >= 0 ? "INSERT INTO message_status (message_id, seq, at, status, detail, notify_due_at) VALUES (?, ?, ?, ?, ?, ?)"
                : "INSERT INTO message_status (message_id, seq, at, status, detail, notify_due_at) VALUES (?, (SELECT COALESCE(MAX(seq), -1) + 1 "
                  + "FROM message_status WHERE message_id = ?1), ?, ?, ?, ?)";
        PreparedStatement insert = writes.prepared(connection, sql);
        insert.setString(1, id);
        if (seq >= 0) {
            insert.setInt(2, seq);
        }
        int i = seq >= 0 ? 3 : 2;
        insert.setLong(i++, at.toEpochMilli());
        insert.setString(i++, status.wireName());
        insert.setString(i++, detail);
        setInstant(insert, i, notifies.test(tenant) ? at : null);
        insert.executeUpdate();
    }

    @Override public List<StatusNotice> noticesDue(Instant now, int limit) {
        return read("read the status notices due", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT s.message_id, s.seq, o.tenant_id, o.address, o.channel, "
                    + "s.status, s.at, s.detail, s.notify_attempts FROM message_status s JOIN outbox o ON o.id = s.message_id "
                    + "WHERE s.notify_due_at IS NOT NULL AND s.notify_due_at <= ? ORDER BY s.notify_due_at LIMIT ?")) {
                select.setLong(1, now.toEpochMilli());
                select.setInt(2, limit);
                List<StatusNotice> due = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        due.add(new StatusNotice(row.getString(1), row.getInt(2), row.getString(3), row.getString(4), row.getString(5),
                                new StatusEntry(status(row.getString(6)), Instant.ofEpochMilli(row.getLong(7)), row.getString(8)), row.getInt(9)));
                    }
                }
                return due;
            }
        });
    }

    @Override public void noticeDone(StatusNotice notice) {
        notice(notice, null, notice.attempts());
    }

    @Override public void noticeLater(StatusNotice notice, Instant dueAt) {
        notice(notice, dueAt, notice.attempts() + 1);
    }

    private void notice(StatusNotice notice, Instant dueAt, int attempts) {
        ledger.append(notice.tenant(), List.of(), connection -> {
            PreparedStatement update = writes.prepared(connection,
                    "UPDATE message_status SET notify_due_at = ?, notify_attempts = ? WHERE message_id = ? AND seq = ?");
            setInstant(update, 1, dueAt);
            update.setInt(2, attempts);
            update.setString(3, notice.messageId());
            update.setInt(4, notice.seq());
            update.executeUpdate();
        });
    }

    @Override public Optional<KeptAnswer> answerFor(String tenant, String key, Instant now) {
        return read("read a kept answer", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, fingerprint, answer, created_at FROM outbox WHERE tenant_id = ? AND idempotency_key = ?")) {
                select.setString(1, tenant);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Instant at = Instant.ofEpochMilli(row.getLong(4));
                    if (!at.isAfter(now.minus(KEY_KEPT))) {
                        return Optional.empty();
                    }
                    return Optional.of(new KeptAnswer(row.getString(1), row.getBytes(2), row.getBytes(3), at));
                }
            }
        });
    }

    @Override public List<OutboxMessage> due(Instant now, int limit) {
        return read("read the messages due", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM outbox WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at LIMIT ?")) {
                select.setLong(1, now.toEpochMilli());
                select.setInt(2, limit);
                List<OutboxMessage> due = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        due.add(message(row));
                    }
                }
                return due;
            }
        });
    }

    @Override public Optional<OutboxMessage> find(String tenant, String id) {
        return read("read a message", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ? AND tenant_id = ?")) {
                select.setString(1, id);
                select.setString(2, tenant);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(message(row)) : Optional.empty();
                }
            }
        });
    }

    @Override public Optional<OutboxMessage> byProviderId(String providerId) {
        return read("read a message by its provider's id", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE provider_id = ? "
                    + "ORDER BY created_at DESC LIMIT 1")) {
                select.setString(1, providerId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(message(row)) : Optional.empty();
                }
            }
        });
    }

    @Override public List<StatusEntry> history(String id) {
        return read("read a message's history", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT status, at, detail FROM message_status WHERE message_id = ? ORDER BY seq")) {
                select.setString(1, id);
                List<StatusEntry> history = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        history.add(new StatusEntry(status(row.getString(1)), Instant.ofEpochMilli(row.getLong(2)), row.getString(3)));
                    }
                }
                return history;
            }
        });
    }

    @Override public int forget(String tenant, String address) {
        int[] forgotten = {0};
        ledger.append(tenant, List.of(), connection -> {
            try (PreparedStatement history = connection.prepareStatement(
                    "DELETE FROM message_status WHERE message_id IN (SELECT id FROM outbox WHERE tenant_id = ? AND address = ?)");
                 PreparedStatement messages = connection.prepareStatement("DELETE FROM outbox WHERE tenant_id = ? AND address = ?")) {
                history.setString(1, tenant);
                history.setString(2, address);
                history.executeUpdate();
                messages.setString(1, tenant);
                messages.setString(2, address);
                forgotten[0] = messages.executeUpdate();
            }
        });
        return forgotten[0];
    }

    private static OutboxMessage message(ResultSet row) throws SQLException {
        long due = row.getLong(6);
        Instant dueAt = row.wasNull() ? null : Instant.ofEpochMilli(due);
        return new OutboxMessage(row.getString(1), row.getString(2), row.getString(3), RequestJson.read(row.getString(4)),
                status(row.getString(5)), dueAt, row.getInt(7) == 1, row.getInt(8), Instant.ofEpochMilli(row.getLong(9)), row.getString(10));
    }

    private static MessageStatus status(String name) {
        return MessageStatus.fromWire(name).orElseThrow(() -> new IllegalStateException("unknown message status in the outbox: " + name));
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, instant.toEpochMilli());
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T read(String what, Query<T> query) {
        try (Connection connection = database.readers().getConnection()) {
            return query.run(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot " + what, e);
        }
    }
}
