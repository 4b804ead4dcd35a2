package org.consentry.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded database file: migrated by Flyway, opened in WAL mode with {@code synchronous=FULL} so that a
 * committed transaction survives a crash or power loss. One connection writes; a small pool reads.
 */
public final class SqliteDatabase implements AutoCloseable {

    public static final String FILE_NAME = "consentry.db";

    private final Path file;
    private final HikariDataSource readers;
    private final FolderLock lock;

    private SqliteDatabase(Path file, HikariDataSource readers, FolderLock lock) {
        this.file = file;
        this.readers = readers;
        this.lock = lock;
    }

    /**
     * Opens (creating if needed) {@code consentry.db} in {@code directory} and brings its schema up to date. The folder
     * is held until {@link #close}: one process at a time writes the ledger and keeps its projections.
     *
     * @throws FolderInUseException when another process holds the folder
     * @throws StoreDamagedException when {@code consentry.db} is there but cannot be read as the store
     */
    public static SqliteDatabase open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
        FolderLock lock = FolderLock.acquire(directory);
        try {
            Path file = directory.resolve(FILE_NAME).toAbsolutePath();
            try {
                Flyway.configure()
                        .dataSource(dataSource(file, false))
                        .locations("classpath:db/sqlite")
                        .load()
                        .migrate();
            } catch (org.flywaydb.core.api.FlywayException e) {
                throw new StoreDamagedException("cannot open " + file + " as the store (" + rootMessage(e) + "); it is damaged or "
                        + "not Consentry's: restore it from a backup, or move it away to start empty (nothing was changed)", e);
            }
            HikariConfig pool = new HikariConfig();
            pool.setDataSource(dataSource(file, true));
            pool.setMaximumPoolSize(4);
            pool.setReadOnly(true);
            pool.setPoolName("consentry-readers");
            return new SqliteDatabase(file, new HikariDataSource(pool), lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).strip();
    }

    /** The one connection that writes. The caller owns it. */
    public Connection openWriter() throws SQLException {
        Connection connection = dataSource(file, false).getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    public DataSource readers() {
        return readers;
    }

    public Path file() {
        return file;
    }

    @Override public void close() {
        try {
            readers.close();
        } finally {
            lock.close();
        }
    }

    private static DataSource dataSource(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.setReadOnly(readOnly);
        if (!readOnly) {
            // deleted rows (an erased person's key) are overwritten with zeros, not left in free pages
            config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
            // the writer's page cache: the indexes it inserts into at random (people's keys and events) stay in memory
            config.setCacheSize(-65_536);
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }
}
