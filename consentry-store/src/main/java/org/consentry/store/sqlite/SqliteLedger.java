package org.consentry.store.sqlite;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.consentry.ledger.ChainVerification;
import org.consentry.ledger.ChainVerifier;
import org.consentry.ledger.EventType;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.LedgerFormatException;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.ledger.LedgerListener;
import org.consentry.store.ledger.StoreUnavailableException;

/**
 * The ledger in the embedded SQLite file. Opening it replays every entry into the listeners (the
 * projections), then starts the group-committing writer; reads use the reader pool.
 */
public final class SqliteLedger implements Ledger {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };
    private static final String COLUMNS = "seq, tenant_id, tenant_seq, type, recorded_at, payload, prev_hash, hash";

    private final SqliteDatabase database;
    private final ObjectMapper json = new ObjectMapper();
    private final GroupCommitWriter writer;

    private SqliteLedger(SqliteDatabase database, Clock clock, List<LedgerListener> listeners) throws SQLException {
        this.database = database;
        Map<String, GroupCommitWriter.Head> heads = new HashMap<>();
        long lastSeq = replayInto(entry -> {
            heads.put(entry.tenant(), new GroupCommitWriter.Head(entry.tenantSeq(), entry.hash()));
            for (LedgerListener listener : listeners) {
                listener.apply(entry);
            }
        });
        this.writer = new GroupCommitWriter(database.openWriter(), clock, listeners, heads, lastSeq);
    }

    /** Replays the ledger into the listeners, then opens it for appends. */
    public static SqliteLedger open(SqliteDatabase database, Clock clock, List<LedgerListener> listeners) {
        try {
            return new SqliteLedger(database, clock, listeners);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot open the ledger in " + database.file(), e);
        }
    }

    @Override public List<LedgerEntry> append(String tenant, List<LedgerEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        try {
            return writer.submit(tenant, events).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreUnavailableException) {
                throw (StoreUnavailableException) e.getCause();
            }
            throw new StoreUnavailableException("the ledger append failed", e.getCause());
        }
    }

    @Override public void replay(Consumer<LedgerEntry> sink) {
        try {
            replayInto(sink::accept);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the ledger", e);
        }
    }

    private long replayInto(LedgerListener sink) throws SQLException {
        long last = 0;
        try (Connection connection = database.readers().getConnection();
             Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM ledger ORDER BY seq")) {
                while (rows.next()) {
                    LedgerEntry entry = entry(rows);
                    sink.apply(entry);
                    last = entry.seq();
                }
            }
        }
        return last;
    }

    @Override public List<LedgerEntry> about(String tenant, String subject) {
        return select("SELECT " + COLUMNS + " FROM ledger WHERE tenant_id = ? AND subject = ? ORDER BY seq", tenant, subject);
    }

    @Override public List<LedgerEntry> ofConsent(String tenant, String consentId) {
        return select("SELECT " + COLUMNS + " FROM ledger WHERE tenant_id = ? AND ref = ? ORDER BY seq", tenant, consentId);
    }

    private List<LedgerEntry> select(String sql, String tenant, String key) {
        try (Connection connection = database.readers().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            statement.setString(2, key);
            List<LedgerEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the ledger", e);
        }
    }

    /**
     * Verifies the tenant's chain, from the end of the part verified before (since this process started): an
     * evidence request then reads only the events appended since the last one. The whole chain is walked again at
     * the first request after every start.
     */
    @Override public ChainVerification verify(String tenant) {
        ChainVerification known = verified.get(tenant);
        ChainVerifier verifier = known == null ? new ChainVerifier(tenant)
                : ChainVerifier.resumingAfter(tenant, known.length(), known.head());
        try (Connection connection = database.readers().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT tenant_seq, type, recorded_at, payload, prev_hash, hash FROM ledger WHERE tenant_id = ? AND tenant_seq > ?"
                             + " ORDER BY tenant_seq")) {
            statement.setString(1, tenant);
            statement.setLong(2, known == null ? 0 : known.length());
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long tenantSeq = rows.getLong(1);
                    String payload = rows.getString(4);
                    Map<String, Object> fields;
                    Instant recordedAt;
                    try {
                        fields = json.readValue(payload, FIELDS);
                        recordedAt = Instant.parse(rows.getString(3));
                    } catch (Exception e) {
                        verifier.fail(tenantSeq, "the stored event cannot be read: " + e.getMessage());
                        break;
                    }
                    if (!verifier.accept(tenantSeq, recordedAt, rows.getString(2), fields, payload, rows.getString(5), rows.getString(6))) {
                        break;
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the ledger", e);
        }
        ChainVerification result = verifier.result();
        if (result.intact()) {
            verified.merge(tenant, result, (was, now) -> now.length() > was.length() ? now : was);
        }
        return result;
    }

    /** The longest intact prefix of each tenant's chain verified so far. */
    private final java.util.Map<String, ChainVerification> verified = new java.util.concurrent.ConcurrentHashMap<>();

    @Override public boolean healthy() {
        return writer.healthy();
    }

    @Override public void close() {
        writer.close();
    }

    private LedgerEntry entry(ResultSet rows) throws SQLException {
        long seq = rows.getLong(1);
        String payload = rows.getString(6);
        LedgerEvent event;
        try {
            event = EventType.fromStoredName(rows.getString(4)).read(json.readValue(payload, FIELDS));
        } catch (Exception e) {
            throw new LedgerFormatException("ledger entry " + seq + " cannot be read: " + e.getMessage());
        }
        return new LedgerEntry(seq, rows.getString(2), rows.getLong(3), Instant.parse(rows.getString(5)), event,
                rows.getString(7), rows.getString(8));
    }
}
