package org.consentry.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.consentry.ledger.SealedFields;

/** The writer's statements on {@code subject_keys}, inside its transaction. */
final class SubjectKeyStatements implements AutoCloseable {

    private final PreparedStatement select;
    private final PreparedStatement insert;
    private final PreparedStatement delete;

    SubjectKeyStatements(Connection connection) throws SQLException {
        this.select = connection.prepareStatement("SELECT key FROM subject_keys WHERE tenant_id = ? AND subject_ref = ?");
        this.insert = connection.prepareStatement("INSERT INTO subject_keys (tenant_id, subject_ref, key, created_at) VALUES (?, ?, ?, ?)");
        this.delete = connection.prepareStatement("DELETE FROM subject_keys WHERE tenant_id = ? AND subject_ref = ?");
    }

    /** The person's key, made and stored (in this transaction) when they have none. */
    byte[] findOrCreate(String tenant, String ref, Instant now) throws SQLException {
        select.setString(1, tenant);
        select.setString(2, ref);
        try (ResultSet row = select.executeQuery()) {
            if (row.next()) {
                return row.getBytes(1);
            }
        }
        byte[] key = SealedFields.newKey();
        insert.setString(1, tenant);
        insert.setString(2, ref);
        insert.setBytes(3, key);
        insert.setString(4, now.toString());
        insert.executeUpdate();
        return key;
    }

    void delete(String tenant, String ref) throws SQLException {
        delete.setString(1, tenant);
        delete.setString(2, ref);
        delete.executeUpdate();
    }

    @Override public void close() throws SQLException {
        try (select; insert; delete) {
            // closes all three
        }
    }
}
