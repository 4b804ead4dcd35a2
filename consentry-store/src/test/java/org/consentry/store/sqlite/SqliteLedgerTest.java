package org.consentry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.ledger.LedgerContract;
import org.consentry.store.ledger.LedgerListener;
import org.consentry.store.ledger.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerTest extends LedgerContract {

    @TempDir
    Path directory;

    private final List<SqliteDatabase> databases = new ArrayList<>();

    @Override protected Ledger openLedger(List<LedgerListener> listeners) {
        // a restart: the store opened before lets go of the folder, which one store at a time holds
        databases.forEach(SqliteDatabase::close);
        SqliteDatabase database = SqliteDatabase.open(directory);
        databases.add(database);
        return SqliteLedger.open(database, Clock.systemUTC(), listeners);
    }

    @AfterEach
    void closeDatabases() {
        databases.forEach(SqliteDatabase::close);
    }

    private Connection sideConnection() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(SqliteDatabase.FILE_NAME));
    }

    @Override protected void tamper(String tenant, long tenantSeq, String payload) throws Exception {
        try (Connection connection = sideConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER IF EXISTS ledger_is_append_only_update");
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ledger SET payload = ? WHERE tenant_id = ? AND tenant_seq = ?")) {
                update.setString(1, payload);
                update.setString(2, tenant);
                update.setLong(3, tenantSeq);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
    }

    @Test
    void theFileNamesNoOneInClear() throws Exception {
        open().append("ten_a", List.of(consent("con_1", "+13055550100")));
        try (Connection connection = sideConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT subject, payload, subject_id FROM ledger")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).as("no address").isNull();
            assertThat(row.getString(2)).startsWith("{\"sealed\":").doesNotContain("3055550100", "203.0.113.7");
            assertThat(row.getInt(3)).as("the person's number").isPositive();
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEvent() throws Exception {
        open().append("ten_a", List.of(dnc(1)));
        try (Connection connection = sideConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("UPDATE ledger SET payload = '{}'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("DELETE FROM ledger")).hasMessageContaining("append-only");
        }
    }

    @Test
    void aSecondStoreOnTheSameFolderIsRefusedUntilTheFirstCloses() {
        open();
        assertThatThrownBy(() -> SqliteDatabase.open(directory)).isInstanceOf(FolderInUseException.class)
                .hasMessageContaining("is in use by another Consentry process");
        databases.get(0).close();
        databases.add(SqliteDatabase.open(directory));
    }

    @Test
    void aLedgerDamagedOnDiskIsRefusedAtStartRatherThanReplayedWithoutTheDamagedEvent() throws Exception {
        Ledger ledger = open();
        ledger.append("ten_a", List.of(consent("con_1", "+13055550100"), consent("con_2", "+13055550101")));
        ledger.close();
        String stored;
        try (Connection connection = sideConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT payload FROM ledger WHERE tenant_id = 'ten_a' AND tenant_seq = 1")) {
            stored = row.getString(1);
        }
        // one character of the sealed event changed on disk: it no longer opens under its person's key, and was replayed as
        // if that person had been erased (an opt-out so damaged stopped blocking, and the server started as healthy)
        int middle = stored.length() / 2;
        tamper("ten_a", 1, stored.substring(0, middle) + (stored.charAt(middle) == 'A' ? 'B' : 'A') + stored.substring(middle + 1));
        assertThatThrownBy(this::open).isInstanceOf(org.consentry.ledger.LedgerFormatException.class)
                .hasMessageContaining("event 1 of tenant ten_a").hasMessageContaining("the hash does not match the event");
        // nothing of the failed start still reads the file: the directory of people read beside the replay gave its
        // connection back before the failure was thrown, so closing the store does not wait for it
        com.zaxxer.hikari.HikariDataSource readers = (com.zaxxer.hikari.HikariDataSource) databases.get(databases.size() - 1).readers();
        assertThat(readers.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void aLongLedgerIsReplayedInOrderAndItsFirstDamagedEntryIsTheOneNamed() throws Exception {
        // many batches of the replay's decoding threads: every entry still reaches the listeners once, in ledger order
        int perTenant = 8 * ReplayPipeline.BATCH + 37;
        Ledger ledger = open();
        for (int i = 0; i < perTenant; i += 100) {
            List<org.consentry.ledger.LedgerEvent> ofA = new ArrayList<>();
            List<org.consentry.ledger.LedgerEvent> ofB = new ArrayList<>();
            for (int j = i; j < Math.min(perTenant, i + 100); j++) {
                ofA.add(j % 3 == 0 ? dnc(j) : consent("con_a" + j, "+1305555" + String.format("%04d", j)));
                ofB.add(j % 2 == 0 ? dnc(j) : consent("con_b" + j, "+1786555" + String.format("%04d", j)));
            }
            ledger.append("ten_a", ofA);
            ledger.append("ten_b", ofB);
        }
        ledger.close();
        List<Long> seen = new ArrayList<>();
        open(List.of(entry -> seen.add(entry.seq()))).close();
        assertThat(seen).hasSize(2 * perTenant);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).as("entry %d", i).isEqualTo(i + 1L);
        }

        // two entries damaged far apart, the later one in a batch decoded before the earlier one's is applied
        // (a sealed consent of ten_a early on, an entry in clear of ten_b near the end)
        long early = 3 * ReplayPipeline.BATCH / 2 + 2;
        damage("ten_b", perTenant - 4);
        damage("ten_a", early);
        assertThatThrownBy(this::open).isInstanceOf(org.consentry.ledger.LedgerFormatException.class)
                .hasMessageContaining("event " + early + " of tenant ten_a").hasMessageContaining("the hash does not match the event");
    }

    /** Changes one character in the middle of an entry's stored payload. */
    private void damage(String tenant, long tenantSeq) throws Exception {
        String stored;
        try (Connection connection = sideConnection();
             PreparedStatement select = connection.prepareStatement("SELECT payload FROM ledger WHERE tenant_id = ? AND tenant_seq = ?")) {
            select.setString(1, tenant);
            select.setLong(2, tenantSeq);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                stored = row.getString(1);
            }
        }
        int middle = stored.length() / 2;
        tamper(tenant, tenantSeq, stored.substring(0, middle) + (stored.charAt(middle) == 'A' ? 'B' : 'A') + stored.substring(middle + 1));
    }

    @Test
    void aStoreWhosePeoplesSecretWasLostIsRefusedRatherThanGivenANewOne() throws Exception {
        open().append("ten_a", List.of(consent("con_1", "+13055550100")));
        databases.forEach(SqliteDatabase::close);
        try (Connection connection = sideConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("DELETE FROM server_secrets WHERE name = '" + org.consentry.store.ledger.SubjectRefs.KEY_NAME + "'"))
                    .isEqualTo(1);
        }
        SqliteDatabase database = SqliteDatabase.open(directory);
        databases.add(database);
        assertThatThrownBy(() -> SqliteLedger.open(database, Clock.systemUTC(), List.of())).isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining("server secret 'subject-refs'").hasMessageContaining("restore the data folder from a backup");
        try (Connection connection = sideConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM server_secrets WHERE name = 'subject-refs'")) {
            assertThat(row.getInt(1)).as("no new secret stored").isZero();
        }
    }

    @Test
    void runsInWalModeWithFullSynchronousCommits() throws Exception {
        open();
        try (Connection connection = databases.get(0).openWriter(); Statement statement = connection.createStatement()) {
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
                assertThat(mode.getString(1)).isEqualTo("wal");
            }
            try (ResultSet sync = statement.executeQuery("PRAGMA synchronous")) {
                assertThat(sync.getInt(1)).as("2 is FULL").isEqualTo(2);
            }
        }
    }

    @Test
    void aWriteThatCannotBeMadeDurableIsRefusedAndKeepsNothing() throws Exception {
        Ledger ledger = open();
        ledger.append("ten_a", List.of(dnc(1)));
        try (Connection connection = sideConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE ledger RENAME TO ledger_away");
        }
        assertThatThrownBy(() -> ledger.append("ten_a", List.of(dnc(2)))).isInstanceOf(StoreUnavailableException.class);
        assertThat(ledger.healthy()).isFalse();
        try (Connection connection = sideConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE ledger_away RENAME TO ledger");
        }
        assertThat(ledger.append("ten_a", List.of(dnc(3))).get(0).tenantSeq()).as("the refused write left no gap").isEqualTo(2);
        assertThat(ledger.healthy()).isTrue();
        assertThat(ledger.verify("ten_a").intact()).isTrue();
    }
}
