package org.consentry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.consentry.testing.ReaderThreads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One writer adding then removing numbers across many rebuilds of the bitmap, readers without a lock: a number added
 * before a look-up began is found, one removed before it began is not, and a number found is never missed
 * again until its removal begins. Bounded by the number of changes, not by time.
 */
class NumberSetConcurrencyTest {

    private static final int NUMBERS = 20_000;
    private static final int READERS = 3;

    private static String number(int i) {
        return "+1305" + (2_000_000 + i * 3);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 4_096})
    void aChangeMadeBeforeALookUpBeganIsSeenAcrossRebuilds(int mergeAt) throws Exception {
        NumberSet set = new NumberSet(mergeAt);
        AtomicInteger added = new AtomicInteger(); // numbers [0, added) are in
        AtomicInteger removed = new AtomicInteger(); // numbers [0, removed) are out again
        ReaderThreads readers = ReaderThreads.start(READERS, "number-set-reader", () -> {
            boolean[] seen = new boolean[NUMBERS];
            return failures -> {
                int out = removed.get();
                int in = added.get();
                int i = ThreadLocalRandom.current().nextInt(NUMBERS);
                boolean found = set.contains(number(i));
                int removing = removed.get(); // numbers from here on were not being removed during the look-up
                if (i < out && found) {
                    failures.add(number(i) + " removed before the look-up began, still found");
                } else if (i > removing && i < in && !found) {
                    failures.add(number(i) + " added before the look-up began, not found");
                } else if (i > removing && seen[i] && !found) {
                    failures.add(number(i) + " was found, then not, with no removal of it begun");
                }
                seen[i] |= found;
            };
        });
        List<String> failures;
        try {
            for (int i = 0; i < NUMBERS; i += 10) {
                List<String> batch = new ArrayList<>();
                for (int j = i; j < i + 10; j++) {
                    batch.add(number(j));
                }
                set.addAll(batch);
                added.set(i + 10);
            }
            for (int i = 0; i < NUMBERS; i++) {
                set.remove(number(i));
                removed.set(i + 1);
            }
        } finally {
            failures = readers.stop();
        }
        assertThat(failures).isEmpty();
        assertThat(set.size()).isZero();
    }
}
