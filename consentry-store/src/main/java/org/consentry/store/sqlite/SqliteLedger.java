package org.consentry.store.sqlite;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.consentry.ledger.ChainVerification;
import org.consentry.ledger.ChainVerifier;
import org.consentry.ledger.ErasedEvent;
import org.consentry.ledger.EventType;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.LedgerFormatException;
import org.consentry.ledger.LedgerTimes;
import org.consentry.ledger.SealedFields;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.ledger.LedgerListener;
import org.consentry.store.ledger.StoreUnavailableException;
import org.consentry.store.ledger.SubjectRefs;

/**
 * The ledger in the embedded SQLite file. Opening it replays every entry into the listeners (the
 * projections), each checked first to follow its tenant's chain (a damaged entry refuses the start), then starts the
 * group-committing writer; reads use the reader pool.
 */
public final class SqliteLedger implements Ledger {

    /** An entry's columns, with the key of the person it is about (null for events in clear, and once erased). */
    private static final String COLUMNS = "l.seq, l.tenant_id, l.tenant_seq, l.type, l.recorded_at, l.payload, l.prev_hash, l.hash, k.key"
            + " FROM ledger l LEFT JOIN subject_keys k ON k.id = l.subject_id";

    private final SqliteDatabase database;
    private final ObjectMapper json = new ObjectMapper();
    private final StoredPayloads payloads = new StoredPayloads(json);
    private final GroupCommitWriter writer;
    private final SubjectRefs refs;
    private final SubjectDirectory subjects;

    private SqliteLedger(SqliteDatabase database, Clock clock, List<LedgerListener> listeners, SubjectRefs refs) throws SQLException {
        this.database = database;
        this.refs = refs;
        // the writer's directory of people is not needed by the replay: it is read on a thread of its own meanwhile
        java.util.concurrent.atomic.AtomicBoolean replayFailed = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<SubjectDirectory> directory = CompletableFuture.supplyAsync(() -> {
            try (Connection connection = database.readers().getConnection()) {
                return SubjectDirectory.load(connection, replayFailed::get);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, work -> {
            Thread thread = new Thread(work, "consentry-subjects");
            thread.setDaemon(true);
            thread.start();
        });
        ChainLinks links = new ChainLinks();
        long lastSeq;
        try {
            lastSeq = replayInto(entry -> {
                for (LedgerListener listener : listeners) {
                    listener.apply(entry);
                }
            }, links);
        } catch (SQLException | RuntimeException | Error e) {
            // the directory's reading stops and gives its connection back before the failure is thrown: closing the
            // database then does not wait for it
            replayFailed.set(true);
            directory.handle((loaded, failure) -> null).join();
            throw e;
        }
        try {
            this.subjects = directory.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw e;
        }
        this.writer = new GroupCommitWriter(database::openWriter, clock, listeners, links.heads(), lastSeq, refs, subjects);
    }

    /** Replays the ledger into the listeners, then opens it for appends; people are named with the database's own secret. */
    public static SqliteLedger open(SqliteDatabase database, Clock clock, List<LedgerListener> listeners) {
        return open(database, clock, listeners, new SubjectRefs(new SqliteServerSecrets(database, clock).secret(SubjectRefs.KEY_NAME)));
    }

    /** Replays the ledger into the listeners, then opens it for appends. */
    public static SqliteLedger open(SqliteDatabase database, Clock clock, List<LedgerListener> listeners, SubjectRefs refs) {
        try {
            return new SqliteLedger(database, clock, listeners, refs);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot open the ledger in " + database.file(), e);
        }
    }

    @Override public List<LedgerEntry> append(String tenant, List<LedgerEvent> events, org.consentry.store.ledger.TableWrite alongside) {
        if (events.isEmpty() && alongside == null) {
            return List.of();
        }
        try {
            return writer.submit(tenant, events, alongside).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreUnavailableException) {
                throw (StoreUnavailableException) e.getCause();
            }
            throw new StoreUnavailableException("the ledger append failed", e.getCause());
        }
    }

    @Override public void replay(Consumer<LedgerEntry> sink) {
        try {
            replayInto(sink::accept, null);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the ledger", e);
        }
    }

    /**
     * Replays every entry in order; with {@code links}, each is first checked to follow its tenant's chain. The entries
     * are decoded and hashed on several threads (a replay is mostly that work) and applied in order on this one.
     */
    private long replayInto(LedgerListener sink, ChainLinks links) throws SQLException {
        long[] last = {0};
        try (Connection connection = database.readers().getConnection();
             Statement statement = connection.createStatement();
             ReplayPipeline<StoredRow, Decoded> pipeline = new ReplayPipeline<>(ReplayPipeline.defaultThreads(),
                     row -> decode(row, links != null), decoded -> {
                         LedgerEntry entry = decoded.entry();
                         if (entry == null) {
                             throw decoded.failure();
                         }
                         if (links != null) {
                             links.follow(entry, decoded.hash());
                         }
                         sink.apply(entry);
                         last[0] = entry.seq();
                     })) {
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " ORDER BY l.seq")) {
                while (rows.next()) {
                    pipeline.accept(stored(rows));
                }
            }
            pipeline.finish();
        }
        return last[0];
    }

    /**
     * An entry's columns as read, before it is decoded. The text columns are kept as their UTF-8 bytes, the cheapest
     * way out of SQLite's driver; making strings of them is left to the decoding threads.
     */
    private record StoredRow(long seq, byte[] tenant, long tenantSeq, byte[] type, byte[] recordedAt, byte[] payload, byte[] prevHash,
                             byte[] hash, byte[] key) {
    }

    /** An entry decoded, with the hash its stored form has (when asked for); or why it cannot be read. */
    private record Decoded(LedgerEntry entry, String hash, LedgerFormatException failure) {
    }

    private static StoredRow stored(ResultSet rows) throws SQLException {
        return new StoredRow(rows.getLong(1), rows.getBytes(2), rows.getLong(3), rows.getBytes(4), rows.getBytes(5), rows.getBytes(6),
                rows.getBytes(7), rows.getBytes(8), rows.getBytes(9));
    }

    private Decoded decode(StoredRow row, boolean hashed) {
        try {
            String type = text(row.type());
            String payload = text(row.payload());
            LedgerEntry entry = entry(row.seq(), text(row.tenant()), row.tenantSeq(), type, text(row.recordedAt()), payload,
                    text(row.prevHash()), text(row.hash()), row.key());
            return new Decoded(entry, hashed ? ChainLinks.hash(entry, type, payload) : null, null);
        } catch (LedgerFormatException e) {
            return new Decoded(null, null, e);
        }
    }

    /** A text column's value, read back from the bytes SQLite keeps (UTF-8, as the JDBC driver reads them). */
    private static String text(byte[] utf8) {
        return utf8 == null ? null : new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    private LedgerEntry entry(ResultSet rows) throws SQLException {
        return entry(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getString(4), rows.getString(5), rows.getString(6),
                rows.getString(7), rows.getString(8), rows.getBytes(9));
    }

    @Override public LedgerEntry erase(String tenant, String address) {
        try {
            return writer.erase(tenant, address).join().get(0);
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreUnavailableException) {
                throw (StoreUnavailableException) e.getCause();
            }
            throw new StoreUnavailableException("the erasure failed", e.getCause());
        }
    }

    @Override public Optional<byte[]> subjectKey(String tenant, String address) {
        try (Connection connection = database.readers().getConnection()) {
            SubjectDirectory.Row person = person(connection, refs.of(tenant, address));
            return person == null ? Optional.empty() : Optional.ofNullable(person.key());
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the ledger", e);
        }
    }

    /** The person's row, confirmed against their salted hash (the directory's answer is a candidate), or null. */
    private SubjectDirectory.Row person(Connection connection, String ref) throws SQLException {
        int candidate = subjects.candidate(ref);
        if (candidate < 0) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement(SubjectDirectory.SELECT_ROW)) {
            SubjectDirectory.Row row = SubjectDirectory.row(select, candidate);
            return row != null && ref.equals(row.ref()) ? row : null;
        }
    }

    /** Events sealed under the person's number, and those a ledger older than sealing wrote in clear under the address. */
    @Override public List<LedgerEntry> about(String tenant, String subject) {
        int id;
        try (Connection connection = database.readers().getConnection()) {
            SubjectDirectory.Row person = person(connection, refs.of(tenant, subject));
            id = person == null ? -1 : person.id();
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the ledger", e);
        }
        if (id < 0) {
            return select("SELECT " + COLUMNS + " WHERE l.tenant_id = ? AND l.subject = ? ORDER BY l.seq", tenant, subject);
        }
        return select("SELECT " + COLUMNS + " WHERE l.tenant_id = ? AND (l.subject_id = ? OR l.subject = ?) ORDER BY l.seq", tenant,
                Integer.toString(id), subject);
    }

    @Override public List<LedgerEntry> ofConsent(String tenant, String consentId) {
        return select("SELECT " + COLUMNS + " WHERE l.tenant_id = ? AND l.ref = ? ORDER BY l.seq", tenant, consentId);
    }

    private List<LedgerEntry> select(String sql, String tenant, String... keys) {
        try (Connection connection = database.readers().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            for (int i = 0; i < keys.length; i++) {
                statement.setString(2 + i, keys[i]);
            }
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
                        fields = payloads.read(payload);
                        recordedAt = LedgerTimes.parse(rows.getString(3));
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
    private final Map<String, ChainVerification> verified = new ConcurrentHashMap<>();

    @Override public boolean healthy() {
        return writer.healthy();
    }

    @Override public void close() {
        writer.close();
    }

    /**
     * An entry as stored. A sealed one is opened with its person's key; without the key (erased) it is an
     * {@link ErasedEvent}, which keeps its kind and the sealed payload its hash covers.
     */
    private LedgerEntry entry(long seq, String tenant, long tenantSeq, String type, String recordedAtText, String payload, String prevHash,
                              String hash, byte[] key) {
        LedgerEvent event;
        Map<String, Object> stored = null;
        Instant recordedAt;
        try {
            EventType kind = EventType.fromStoredName(type);
            Map<String, Object> fields = payloads.read(payload);
            if (SealedFields.isSealed(fields)) {
                stored = fields;
                Optional<String> opened = key == null ? Optional.empty()
                        : SealedFields.open(key, SealedFields.context(tenant, type), (String) fields.get(SealedFields.MEMBER));
                event = opened.isPresent() ? kind.read(payloads.fields(opened.get())) : new ErasedEvent(kind, fields);
            } else {
                event = kind.read(fields);
            }
            recordedAt = LedgerTimes.parse(recordedAtText);
        } catch (Exception e) {
            throw new LedgerFormatException("ledger entry " + seq + " cannot be read: " + e.getMessage());
        }
        return new LedgerEntry(seq, tenant, tenantSeq, recordedAt, event, prevHash, hash, stored);
    }
}
