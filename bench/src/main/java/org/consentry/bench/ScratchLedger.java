package org.consentry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.sqlite.SqliteDatabase;
import org.consentry.store.sqlite.SqliteLedger;

/** An empty ledger in a temporary folder, for the facts' health check; removed on close. */
final class ScratchLedger implements AutoCloseable {

    private final Path directory;
    private final SqliteDatabase database;
    private final Ledger ledger;

    ScratchLedger() throws IOException {
        directory = Files.createTempDirectory("consentry-bench");
        database = SqliteDatabase.open(directory);
        ledger = SqliteLedger.open(database, Clock.systemUTC(), List.of());
    }

    Ledger ledger() {
        return ledger;
    }

    /** The scratch folder, removed on close with what the benchmark put in it. */
    Path folder() {
        return directory;
    }

    @Override public void close() throws IOException {
        ledger.close();
        database.close();
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
