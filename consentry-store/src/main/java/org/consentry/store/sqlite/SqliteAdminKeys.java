package org.consentry.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.store.keys.AdminKeys;
import org.consentry.store.keys.ApiKeys;
import org.consentry.store.ledger.StoreUnavailableException;

/** Admin key hashes in the {@code admin_keys} table, cached in memory. */
public final class SqliteAdminKeys implements AdminKeys {

    private final SqliteDatabase database;
    private final Set<String> hashes = ConcurrentHashMap.newKeySet();

    public SqliteAdminKeys(SqliteDatabase database) {
        this.database = database;
    }

    @Override public boolean matches(String presented) {
        return presented != null && hashes.contains(ApiKeys.hash(presented));
    }

    @Override public Optional<String> ensure(String configured, ApiKeys keys, Clock clock, Consumer<String> keep) {
        if (configured != null && !configured.isBlank()) {
            hashes.add(ApiKeys.hash(configured));
            return Optional.empty();
        }
        try (Connection connection = database.openWriter()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT key_hash FROM admin_keys");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    hashes.add(rows.getString(1));
                }
            }
            if (!hashes.isEmpty()) {
                connection.rollback();
                return Optional.empty();
            }
            String key = keys.newAdminKey();
            keep.accept(key); // before the hash is committed: a key is stored only once someone has it
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO admin_keys (key_hash, created_at) VALUES (?, ?)")) {
                insert.setString(1, ApiKeys.hash(key));
                insert.setString(2, clock.instant().toString());
                insert.executeUpdate();
            }
            connection.commit();
            hashes.add(ApiKeys.hash(key));
            return Optional.of(key);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read or store the admin key", e);
        }
    }

    @Override public String replace(ApiKeys keys, Clock clock, Consumer<String> keep) {
        String key = keys.newAdminKey();
        keep.accept(key); // before the hash is committed, as at first start
        try (Connection connection = database.openWriter()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM admin_keys");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO admin_keys (key_hash, created_at) VALUES (?, ?)")) {
                delete.executeUpdate();
                insert.setString(1, ApiKeys.hash(key));
                insert.setString(2, clock.instant().toString());
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot replace the admin key", e);
        }
        hashes.clear();
        hashes.add(ApiKeys.hash(key));
        return key;
    }
}
