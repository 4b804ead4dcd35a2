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
import org.consentry.store.ledger.SubjectRefs;

/** Server secrets in the {@code server_secrets} table, read once and kept in memory. */
public final class SqliteServerSecrets implements ServerSecrets {

    private static final int SECRET_BYTES = 32;

    /**
     * Secrets whose loss the database itself shows, with the query that finds what was made with them: people are
     * filed in {@code subject_keys} under their address's hash salted with {@code subject-refs}, so that secret cannot
     * be made anew once anyone is filed (stores older than sealing have no one filed, and get theirs made).
     */
    private static final Map<String, String> MADE_WITH = Map.of(SubjectRefs.KEY_NAME, "SELECT 1 FROM subject_keys LIMIT 1");

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
            String madeWith = MADE_WITH.get(name);
            if (madeWith != null) {
                try (PreparedStatement made = connection.prepareStatement(madeWith); ResultSet row = made.executeQuery()) {
                    if (row.next()) {
                        connection.rollback();
                        throw new StoreDamagedException("the store " + database.file() + " holds what was made with the server secret '" + name
                                + "', which is missing from its server_secrets table: a new secret would leave every person's records "
                                + "unfindable and erased addresses no longer suppressed; restore the data folder from a backup", null);
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
