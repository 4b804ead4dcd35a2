package org.consentry.store.ledger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows of the store's own tables written in the same transaction as a ledger append, so that both are kept or
 * neither (the outbox's message and the send it commits). It runs on the ledger's writer, inside its transaction:
 * it writes and returns, without committing, and should not fail but for the database itself.
 */
@FunctionalInterface
public interface TableWrite {

    void write(Connection connection) throws SQLException;
}
