package org.consentry.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Statements prepared once on the ledger writer's connection and used again by every write made alongside an append
 * (SQLite compiles a statement each time it is prepared; the outbox writes a few per message). Used only from the
 * writer's own thread, inside its transactions; a new connection (the writer opens one after a failed transaction)
 * starts afresh.
 */
final class WriterStatements {

    private Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    /** The statement for {@code sql} on {@code on}, its parameters cleared. */
    PreparedStatement prepared(Connection on, String sql) throws SQLException {
        if (on != connection) {
            forget();
            connection = on;
        }
        PreparedStatement statement = prepared.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = on.prepareStatement(sql);
            prepared.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    private void forget() {
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // its connection is gone
            }
        }
        prepared.clear();
    }
}
