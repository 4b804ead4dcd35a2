package org.consentry.store.sqlite;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.store.keys.ServerSecrets;
import org.consentry.store.ledger.StoreUnavailableException;

/** Server secrets in the {@code server_secrets} table, read once and kept in memory. */
public final class SqliteServerSecrets implements ServerSecrets {

    private static final int SECRET_BYTES = 32;

    private final SqliteDatabase database;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> known = new ConcurrentHashMap<>();

    public SqliteServerSecrets(SqliteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override public byte[] secret(String name) {
        return known.computeIfAbsent(name, this::readOrCreate).clone();
    }

    private byte[] readOrCreate(String name) {
        try (Connection connection = database.openWriter()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM server_secrets WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        connection.rollback();
                        return row.getBytes(1);
                    }
                }
            }
            byte[] secret = new byte[SECRET_BYTES];
            random.nextBytes(secret);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO server_secrets (name, secret, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, name);
                insert.setBytes(2, secret);
                insert.setString(3, clock.instant().toString());
                insert.executeUpdate();
            }
            connection.commit();
            return secret;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read or store the server secret '" + name + "'", e);
        }
    }
}
