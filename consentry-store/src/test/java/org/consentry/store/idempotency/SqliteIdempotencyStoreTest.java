package org.consentry.store.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.consentry.store.sqlite.SqliteDatabase;
import org.consentry.store.sqlite.SqliteIdempotencyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteIdempotencyStoreTest {

    static final Instant NOW = Instant.parse("2026-03-14T16:00:00Z");
    static final byte[] REQUEST = "POST /v1/checks\n{\"to\":\"+13055550100\"}".getBytes(StandardCharsets.UTF_8);
    static final byte[] OTHER = "POST /v1/checks\n{\"to\":\"+13055550101\"}".getBytes(StandardCharsets.UTF_8);
    static final byte[] ANSWER = "{\"decision\":\"allow\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    private SqliteDatabase database;
    private SqliteIdempotencyStore store;

    @BeforeEach
    void open() {
        database = SqliteDatabase.open(directory);
        store = new SqliteIdempotencyStore(database);
    }

    @AfterEach
    void close() {
        store.close();
        database.close();
    }

    /** A restart: what was synced is all that is left. */
    private void restart() {
        close();
        open();
    }

    @Test
    void aKeyAnswersItsRequestAgainAndRefusesAnother() {
        assertThat(store.claim("ten_a", "k1", REQUEST, NOW)).isInstanceOf(IdempotencyStore.Fresh.class);
        assertThat(store.claim("ten_a", "k1", REQUEST, NOW.plusSeconds(1))).as("still running")
                .isEqualTo(new IdempotencyStore.Running(NOW, false));
        store.complete("ten_a", "k1", 200, "application/json", ANSWER);

        IdempotencyStore.Claim again = store.claim("ten_a", "k1", REQUEST, NOW.plusSeconds(60));
        assertThat(again).isInstanceOf(IdempotencyStore.Answered.class);
        IdempotencyStore.Answered answered = (IdempotencyStore.Answered) again;
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.contentType()).isEqualTo("application/json");
        assertThat(answered.body()).isEqualTo(ANSWER);
        assertThat(answered.at()).isEqualTo(NOW);

        assertThat(store.claim("ten_a", "k1", OTHER, NOW.plusSeconds(60))).isEqualTo(new IdempotencyStore.Reused(NOW));
        assertThat(store.claim("ten_b", "k1", OTHER, NOW.plusSeconds(60))).as("keys are the tenant's own")
                .isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void anAnswerSurvivesARestartAndAClaimLeftUnendedIsNeverRunAgain() {
        store.claim("ten_a", "done", REQUEST, NOW);
        store.complete("ten_a", "done", 201, "application/json", ANSWER);
        store.claim("ten_a", "cut", REQUEST, NOW); // the process dies before the request answers
        restart();
        assertThat(store.claim("ten_a", "done", REQUEST, NOW.plusSeconds(5))).isInstanceOf(IdempotencyStore.Answered.class);
        assertThat(store.claim("ten_a", "cut", REQUEST, NOW.plusSeconds(5))).as("its outcome is unknown")
                .isEqualTo(new IdempotencyStore.Running(NOW, true));
        store.forgetTenant("ten_a");
        assertThat(store.claim("ten_a", "cut", REQUEST, NOW.plusSeconds(6))).as("an erasure keeps claims without answers")
                .isEqualTo(new IdempotencyStore.Running(NOW, true));
        assertThat(store.claim("ten_a", "done", REQUEST, NOW.plusSeconds(6))).as("and forgets the answers, which may name the person")
                .isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void aKeyIsKeptForADayAndFreeAfterIt() {
        store.claim("ten_a", "k1", REQUEST, NOW);
        store.complete("ten_a", "k1", 200, "application/json", ANSWER);
        Instant dayLater = NOW.plus(IdempotencyStore.KEPT);
        assertThat(store.claim("ten_a", "k1", OTHER, dayLater.minusMillis(1))).as("under a day").isInstanceOf(IdempotencyStore.Reused.class);
        assertThat(store.claim("ten_a", "k1", OTHER, dayLater)).as("a day").isInstanceOf(IdempotencyStore.Fresh.class);

        store.claim("ten_a", "unended", REQUEST, NOW); // a claim a dead process left: free after its day too
        restart();
        assertThat(store.claim("ten_a", "unended", REQUEST, dayLater)).isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void aReleasedClaimRunsAgain() {
        store.claim("ten_a", "k1", REQUEST, NOW);
        store.release("ten_a", "k1");
        assertThat(store.claim("ten_a", "k1", OTHER, NOW.plusSeconds(1))).as("a request refused takes no key")
                .isInstanceOf(IdempotencyStore.Fresh.class);
        store.complete("ten_a", "k1", 200, "application/json", ANSWER);
        store.release("ten_a", "k1");
        assertThat(store.claim("ten_a", "k1", OTHER, NOW.plusSeconds(2))).as("an answer kept is not let go")
                .isInstanceOf(IdempotencyStore.Answered.class);
    }

    @Test
    void oldAnswersAreDeleted() throws Exception {
        for (int i = 0; i < 10; i++) {
            store.claim("ten_a", "old" + i, REQUEST, NOW);
            store.complete("ten_a", "old" + i, 200, "application/json", ANSWER);
        }
        store.claim("ten_a", "new", REQUEST, NOW.plus(IdempotencyStore.KEPT).plusSeconds(1));
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(SqliteDatabase.FILE_NAME));
             var rows = connection.createStatement().executeQuery("SELECT key FROM idempotency")) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            assertThat(keys).containsExactly("new");
        }
    }
}
