package org.consentry.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The index from a person's salted hash to their number in {@code subject_keys}, held in memory so that the table
 * needs none: a new person then costs the database appends only, not a write at a random place of an index (which
 * is what limits how many consents a second the embedded store can make durable). Loaded at start, added to by the
 * writer. Keyed by the hash's first 64 bits, at about 16 bytes a person; a lookup is a candidate that the caller
 * confirms against the row (two hashes can share 64 bits), and the rare second person of a shared prefix is kept by
 * whole hash on the side.
 */
final class SubjectDirectory {

    private static final long EMPTY = 0L;
    private static final int NONE = -1;

    private long[] fingerprints = new long[1 << 12];
    private int[] ids = new int[1 << 12];
    private int size;
    private final Map<String, Integer> shared = new HashMap<>();
    /** The highest number given to a person (committed or not), and the highest committed, for a rollback. */
    private int lastId;
    private int lastCommittedId;

    /** A person's row in {@code subject_keys}: number, salted hash, key (null once erased). */
    record Row(int id, String ref, byte[] key) {
    }

    /** The statement {@link #row} runs. */
    static final String SELECT_ROW = "SELECT subject_ref, key FROM subject_keys WHERE id = ?";

    /** The row numbered {@code id}, read with a statement prepared from {@link #SELECT_ROW}, or null. */
    static Row row(java.sql.PreparedStatement select, int id) throws SQLException {
        select.setInt(1, id);
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? new Row(id, row.getString(1), row.getBytes(2)) : null;
        }
    }

    /** Reads every person's number and hash, unless {@code stop} says to stop (then throws). */
    static SubjectDirectory load(Connection connection, java.util.function.BooleanSupplier stop) throws SQLException {
        SubjectDirectory directory = new SubjectDirectory();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery("SELECT id, subject_ref FROM subject_keys ORDER BY id")) {
                while (rows.next()) {
                    if (stop.getAsBoolean()) {
                        throw new SQLException("the directory of people was not read: the ledger's replay failed");
                    }
                    directory.add(rows.getString(2), rows.getInt(1), null);
                    directory.lastId = Math.max(directory.lastId, rows.getInt(1));
                }
                directory.lastCommittedId = directory.lastId;
            }
        }
        return directory;
    }

    /** The number filed for this hash by whole hash, or the candidate sharing its first 64 bits, or -1. */
    synchronized int candidate(String ref) {
        Integer exact = shared.get(ref);
        if (exact != null) {
            return exact;
        }
        long fingerprint = fingerprint(ref);
        int mask = fingerprints.length - 1;
        for (int slot = mix(fingerprint) & mask; fingerprints[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (fingerprints[slot] == fingerprint) {
                return ids[slot];
            }
        }
        return NONE;
    }

    /**
     * Files a new person. {@code holderOfPrefix} is the hash of the person already filed under the same first 64 bits,
     * if the caller found one (then this one goes on the side), else null.
     */
    synchronized void add(String ref, int id, String holderOfPrefix) {
        long fingerprint = fingerprint(ref);
        if (holderOfPrefix != null && !holderOfPrefix.equals(ref)) {
            shared.put(ref, id);
            return;
        }
        if (size * 4 >= fingerprints.length * 3) {
            grow();
        }
        int mask = fingerprints.length - 1;
        int slot = mix(fingerprint) & mask;
        while (fingerprints[slot] != EMPTY) {
            if (fingerprints[slot] == fingerprint) {
                shared.put(ref, id); // met again while loading: the first holder keeps the slot
                return;
            }
            slot = (slot + 1) & mask;
        }
        fingerprints[slot] = fingerprint;
        ids[slot] = id;
        size++;
    }

    /** Forgets people filed by a transaction that did not commit. */
    synchronized void remove(String ref, int id) {
        if (shared.remove(ref, id)) {
            return;
        }
        long fingerprint = fingerprint(ref);
        int mask = fingerprints.length - 1;
        for (int slot = mix(fingerprint) & mask; fingerprints[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (fingerprints[slot] == fingerprint && ids[slot] == id) {
                // backward-shift deletion keeps every probe chain whole
                int hole = slot;
                for (int next = (hole + 1) & mask; fingerprints[next] != EMPTY; next = (next + 1) & mask) {
                    int home = mix(fingerprints[next]) & mask;
                    if (((next - home) & mask) >= ((next - hole) & mask)) {
                        fingerprints[hole] = fingerprints[next];
                        ids[hole] = ids[next];
                        hole = next;
                    }
                }
                fingerprints[hole] = EMPTY;
                size--;
                return;
            }
        }
    }

    /** The number for the next new person (only the writer calls it). */
    synchronized int nextId() {
        if (lastId == Integer.MAX_VALUE) {
            throw new IllegalStateException("more than 2^31 people in one store");
        }
        return ++lastId;
    }

    /** The numbers given so far are kept (their transaction committed). */
    synchronized void commitIds() {
        lastCommittedId = lastId;
    }

    /** The numbers given since the last commit are given back (their transaction rolled back). */
    synchronized void rewindIds() {
        lastId = lastCommittedId;
    }

    synchronized int size() {
        return size + shared.size();
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        int[] oldIds = ids;
        fingerprints = new long[oldFingerprints.length * 2];
        ids = new int[oldIds.length * 2];
        int mask = fingerprints.length - 1;
        for (int i = 0; i < oldFingerprints.length; i++) {
            if (oldFingerprints[i] != EMPTY) {
                int slot = mix(oldFingerprints[i]) & mask;
                while (fingerprints[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                fingerprints[slot] = oldFingerprints[i];
                ids[slot] = oldIds[i];
            }
        }
    }

    /** The hash's first 64 bits ("s_" then hex); never 0, which marks an empty slot. */
    static long fingerprint(String ref) {
        long value = Long.parseUnsignedLong(ref.substring(2, 18), 16);
        return value == EMPTY ? 1 : value;
    }

    private static int mix(long fingerprint) {
        return (int) (fingerprint ^ (fingerprint >>> 32)); // already uniform: a keyed hash
    }
}
