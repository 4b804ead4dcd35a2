package org.consentry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-memory index of people by salted hash: found again after growing, two hashes sharing 64 bits, undo. */
class SubjectDirectoryTest {

    private static String ref(long prefix, String rest) {
        return "s_" + String.format("%016x", prefix) + rest;
    }

    @Test
    void everyoneFiledIsFoundAfterTheTableGrows() {
        SubjectDirectory directory = new SubjectDirectory();
        Random random = new Random(7);
        Map<String, Integer> filed = new HashMap<>();
        for (int id = 1; id <= 50_000; id++) {
            String ref = ref(random.nextLong(), "00");
            directory.add(ref, id, null);
            filed.put(ref, id);
        }
        filed.forEach((ref, id) -> assertThat(directory.candidate(ref)).isEqualTo(id));
        assertThat(directory.candidate(ref(42, "00"))).isEqualTo(-1);
        assertThat(directory.size()).isEqualTo(50_000);
    }

    @Test
    void twoHashesSharingTheirFirst64BitsAreBothKept() {
        SubjectDirectory directory = new SubjectDirectory();
        directory.add(ref(99, "aa"), 1, null);
        assertThat(directory.candidate(ref(99, "bb"))).as("a candidate, which the caller confirms against the row").isEqualTo(1);
        directory.add(ref(99, "bb"), 2, ref(99, "aa"));
        assertThat(directory.candidate(ref(99, "bb"))).isEqualTo(2);
        assertThat(directory.candidate(ref(99, "aa"))).isEqualTo(1);
    }

    @Test
    void peopleFiledByATransactionThatRolledBackAreForgottenAndTheRestStayFindable() {
        SubjectDirectory directory = new SubjectDirectory();
        Random random = new Random(11);
        String[] refs = new String[3_000];
        for (int i = 0; i < refs.length; i++) {
            // few distinct home slots, so that removals have to mend long probe chains
            refs[i] = ref((random.nextLong() & ~0xFFFL) | (i % 7), "00");
            directory.add(refs[i], i + 1, null);
        }
        for (int i = 0; i < refs.length; i += 2) {
            directory.remove(refs[i], i + 1);
        }
        for (int i = 0; i < refs.length; i++) {
            assertThat(directory.candidate(refs[i])).isEqualTo(i % 2 == 0 ? -1 : i + 1);
        }
        assertThat(directory.size()).isEqualTo(1_500);
    }
}
