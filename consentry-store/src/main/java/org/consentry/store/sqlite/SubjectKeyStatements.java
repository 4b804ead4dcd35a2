package org.consentry.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer's statements on {@code subject_keys}, inside its transaction, with the in-memory directory that finds a
 * person's row by their salted hash. People filed by this transaction are remembered, to be forgotten again if it
 * rolls back.
 */
final class SubjectKeyStatements implements AutoCloseable {

    /** A person's number, salted hash and current key. */
    record Subject(int id, String ref, byte[] key) {
    }

    private final SubjectDirectory directory;
    private final PreparedStatement select;
    private final PreparedStatement insert;
    private final PreparedStatement rekey;
    private final PreparedStatement delete;
    private final PreparedStatement restore;
    private final List<Object[]> filed = new ArrayList<>();
    private int unwritten;

    SubjectKeyStatements(Connection connection, SubjectDirectory directory) throws SQLException {
        this.directory = directory;
        this.select = connection.prepareStatement(SubjectDirectory.SELECT_ROW);
        this.insert = connection.prepareStatement("INSERT INTO subject_keys (id, tenant_id, subject_ref, key, created_at) VALUES (?, ?, ?, ?, ?)");
        this.rekey = connection.prepareStatement("UPDATE subject_keys SET key = ?, created_at = ? WHERE id = ?");
        this.delete = connection.prepareStatement("DELETE FROM subject_keys WHERE id = ?");
        this.restore = connection.prepareStatement("INSERT INTO subject_keys (id, tenant_id, subject_ref, key, created_at) VALUES (?, ?, ?, NULL, ?)");
    }

    /**
     * The person's number and key: a new person gets a row and a key; one met before keeps their row, and gets a new
     * key if theirs was destroyed by an erasure (their old events stay unreadable).
     *
     * @param proposed a key the caller made for this event (kept for someone new), or null
     */
    Subject resolve(String tenant, String ref, Instant now, byte[] proposed) throws SQLException {
        int candidate = directory.candidate(ref);
        String holder = null;
        if (candidate >= 0) {
            SubjectDirectory.Row row = row(candidate);
            if (row != null && row.ref().equals(ref)) {
                if (row.key() != null) {
                    return new Subject(candidate, ref, row.key());
                }
                byte[] key = org.consentry.ledger.SealedFields.newKey(); // never one offered: it could be the destroyed key
                rekey.setBytes(1, key);
                rekey.setString(2, now.toString());
                rekey.setInt(3, candidate);
                rekey.executeUpdate();
                return new Subject(candidate, ref, key);
            }
            holder = row == null ? null : row.ref();
        }
        byte[] key = proposed != null ? proposed : org.consentry.ledger.SealedFields.newKey(); // the caller's, when it made one
        int id = directory.nextId();
        insert.setInt(1, id);
        insert.setString(2, tenant);
        insert.setString(3, ref);
        insert.setBytes(4, key);
        insert.setString(5, now.toString());
        insert.addBatch(); // written with the transaction's other new people, in one go
        unwritten++;
        directory.add(ref, id, holder);
        filed.add(new Object[] {ref, id});
        return new Subject(id, ref, key);
    }

    /**
     * Destroys the person's key: the row is deleted (secure_delete overwrites it) and written again without the key,
     * so that their number still finds their events, now unreadable.
     *
     * @return the person's number, or -1 when they never had a key
     */
    int destroyKey(String tenant, String ref, Instant now) throws SQLException {
        int candidate = directory.candidate(ref);
        SubjectDirectory.Row row = candidate < 0 ? null : row(candidate);
        if (row == null || !row.ref().equals(ref)) {
            return -1;
        }
        delete.setInt(1, candidate);
        delete.executeUpdate();
        restore.setInt(1, candidate);
        restore.setString(2, tenant);
        restore.setString(3, ref);
        restore.setString(4, now.toString());
        restore.executeUpdate();
        return candidate;
    }

    /** Writes the new people's rows, before the transaction commits. */
    void flush() throws SQLException {
        if (unwritten > 0) {
            insert.executeBatch();
            unwritten = 0;
        }
    }

    /** After a rollback: forgets the people this transaction filed, and gives their numbers back. */
    void forgetFiled() {
        for (Object[] person : filed) {
            directory.remove((String) person[0], (Integer) person[1]);
        }
        directory.rewindIds();
        filed.clear();
    }

    private SubjectDirectory.Row row(int id) throws SQLException {
        flush(); // a row read back may be one this transaction has yet to write
        return SubjectDirectory.row(select, id);
    }

    @Override public void close() throws SQLException {
        try (select; insert; rekey; delete; restore) {
            // closes them all
        }
    }
}
