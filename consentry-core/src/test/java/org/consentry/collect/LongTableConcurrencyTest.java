package org.consentry.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.consentry.testing.ReaderThreads;
import org.junit.jupiter.api.Test;

/**
 * One writer (as the callers serialize writes) and several readers without a lock, across many growths: a reader never
 * misses a key whose put returned before its look-up began, never sees a key without its value or with another key's
 * value, and never sees a value go back to an older one. Bounded by the number of writes, not by time.
 */
class LongTableConcurrencyTest {

    private static final int KEYS = 100_000;
    private static final int READERS = 3;

    /** The value the writer gives a key in round {@code round}: its key, so that a value found under another key shows. */
    private record Value(long key, int round) {
    }

    private static long keyOf(int i) {
        return 13_000_000_000L + i * 7_919L; // neighbouring numbers, as phone numbers are
    }

    /**
     * A table made small grows on its second key: a reader that took the table just before must still find its probe
     * ending at an empty slot (it once looped for ever there, the two slots both full when the bigger table came).
     */
    @Test
    void aLookUpInATableJustOutgrownEnds() throws Exception {
        java.util.concurrent.atomic.AtomicReference<LongTable<Long>> current = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    LongTable<Long> table = current.get();
                    if (table != null) {
                        table.get(99L); // never put: the probe must reach an empty slot
                    }
                }
            }, "long-table-small-reader-" + r);
            reader.setDaemon(true); // one caught in an endless probe must not keep the test's JVM alive
            reader.start();
            readers.add(reader);
        }
        try {
            for (int round = 0; round < 20_000; round++) {
                for (int capacity : new int[] {1, 2}) {
                    LongTable<Long> table = new LongTable<>(capacity);
                    current.set(table);
                    table.put(1L, 1L);
                    table.put(2L, 2L);
                    table.put(3L, 3L);
                }
            }
        } finally {
            done.set(true);
        }
        for (Thread reader : readers) {
            reader.join(5_000);
            assertThat(reader.isAlive()).as("%s still probing", reader.getName()).isFalse();
        }
    }

    @Test
    void readersBesideOneWriterNeverMissAWrittenKeyNorSeeAValueGoBack() throws Exception {
        LongTable<Value> table = new LongTable<>(16); // grows some fourteen times under the readers
        java.util.concurrent.atomic.AtomicInteger progress = new java.util.concurrent.atomic.AtomicInteger(); // keys [0, progress) written
        java.util.concurrent.atomic.AtomicInteger rounds = new java.util.concurrent.atomic.AtomicInteger(); // rounds of updates done
        ReaderThreads readers = ReaderThreads.start(READERS, "long-table-reader", () -> {
            int[] seenRound = new int[KEYS];
            return failures -> {
                int finished = progress.get();
                int roundsDone = rounds.get();
                int i = ThreadLocalRandom.current().nextInt(KEYS);
                Value value = table.get(keyOf(i));
                if (i < finished && value == null) {
                    failures.add("key " + i + " written before the look-up began, not found");
                } else if (value != null && value.key() != keyOf(i)) {
                    failures.add("key " + i + " found with the value of " + value.key());
                } else if (value != null && value.round() < Math.max(seenRound[i], roundsDone)) {
                    failures.add("key " + i + " went back from round " + Math.max(seenRound[i], roundsDone) + " to " + value.round());
                } else if (value != null) {
                    seenRound[i] = value.round();
                }
            };
        });
        List<String> failures;
        try {
            for (int i = 0; i < KEYS; i++) {
                table.put(keyOf(i), new Value(keyOf(i), 0));
                progress.set(i + 1);
            }
            for (int round = 1; round <= 3; round++) { // updates of existing keys, in place
                for (int i = 0; i < KEYS; i++) {
                    table.put(keyOf(i), new Value(keyOf(i), round));
                }
                rounds.set(round);
            }
        } finally {
            failures = readers.stop();
        }
        assertThat(failures).isEmpty();
        assertThat(table.size()).isEqualTo(KEYS);
        for (int i = 0; i < KEYS; i++) {
            assertThat(table.get(keyOf(i))).isEqualTo(new Value(keyOf(i), 3));
        }
    }
}
