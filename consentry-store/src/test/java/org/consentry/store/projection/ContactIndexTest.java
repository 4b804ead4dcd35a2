package org.consentry.store.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class ContactIndexTest {

    @Test
    void numbersAreKeyedByTheirDigitsAndEverythingElseByItsText() {
        assertThat(ContactIndex.phoneKey("+13055550100")).isEqualTo(13055550100L);
        assertThat(ContactIndex.phoneKey("+999999999999999")).isEqualTo(999_999_999_999_999L);
        assertThat(ContactIndex.phoneKey("+0305")).isZero();
        assertThat(ContactIndex.phoneKey("+1305555010012345")).isZero(); // 16 digits: no E.164 number
        assertThat(ContactIndex.phoneKey("+1 305")).isZero();
        assertThat(ContactIndex.phoneKey("+")).isZero();
        assertThat(ContactIndex.phoneKey("ana@example.com")).isZero();
        assertThat(ContactIndex.phoneKey("13055550100")).isZero();
    }

    @Property(tries = 200)
    void answersAsAMapDoes(@ForAll("operations") List<Tuple.Tuple2<String, Integer>> operations) {
        ContactIndex<Integer> index = new ContactIndex<>();
        Map<String, Integer> model = new HashMap<>();
        for (Tuple.Tuple2<String, Integer> operation : operations) {
            String address = operation.get1();
            int value = operation.get2();
            if (value % 7 == 0) { // an update that reads what was there
                index.compute(address, (a, was) -> was == null ? value : was + value);
                model.merge(address, value, Integer::sum);
            } else if (value % 11 == 0) { // an answer of null keeps what was there
                index.compute(address, (a, was) -> null);
            } else {
                index.put(address, value);
                model.put(address, value);
            }
            assertThat(index.get(address)).isEqualTo(model.get(address));
        }
        for (Map.Entry<String, Integer> entry : model.entrySet()) {
            assertThat(index.get(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        assertThat(index.size()).isEqualTo(model.size());
        List<String> asked = new ArrayList<>(model.keySet());
        asked.add(null);
        asked.add("+19999999999");
        asked.add("nobody@example.com");
        Integer[] found = new Integer[asked.size()];
        index.getAll(asked.toArray(String[]::new), asked.size(), found);
        for (int i = 0; i < asked.size(); i++) {
            assertThat(found[i]).as("%s in a group", asked.get(i)).isEqualTo(asked.get(i) == null ? null : model.get(asked.get(i)));
        }
        assertThat(index.values()).containsExactlyInAnyOrderElementsOf(model.values());
        index.replaceAll((address, value) -> address.hashCode() + value);
        model.replaceAll((address, value) -> address.hashCode() + value);
        for (Map.Entry<String, Integer> entry : model.entrySet()) {
            assertThat(index.get(entry.getKey())).isEqualTo(entry.getValue());
        }
        assertThat(index.get("+19999999999")).isEqualTo(model.get("+19999999999"));
        assertThat(index.get("nobody@example.com")).isEqualTo(model.get("nobody@example.com"));
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, Integer>>> operations() {
        Arbitrary<String> numbers = Arbitraries.longs().between(2_000_000_000L, 2_000_000_300L).map(n -> "+1" + n);
        Arbitrary<String> others = Arbitraries.of("ana@example.com", "ben@example.com", "+0123", "+1 305 555 0100", "12025550100");
        Arbitrary<String> addresses = Arbitraries.frequencyOf(Tuple.of(9, numbers), Tuple.of(1, others));
        return Arbitraries.integers().between(1, 10_000).flatMap(value -> addresses.map(a -> Tuple.of(a, value)))
                .list().ofMaxSize(600);
    }

    /** A reader beside the writer sees, for every number, either nothing yet or a value the writer put, never a torn table. */
    @Test
    void readersBesideTheWriterSeeOnlyWhatWasWritten() throws Exception {
        ContactIndex<Long> index = new ContactIndex<>();
        int count = 200_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Thread reader = new Thread(() -> {
                try {
                    for (int round = 0; round < 20; round++) {
                        for (long n = 0; n < count; n += 97) {
                            Long value = index.get("+1" + (2_000_000_000L + n));
                            if (value != null && value != n && value != -n) {
                                throw new AssertionError("+1" + (2_000_000_000L + n) + " read " + value);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (long n = 0; n < count; n++) {
            index.put("+1" + (2_000_000_000L + n), n);
        }
        for (long n = 0; n < count; n += 2) {
            long was = n;
            index.compute("+1" + (2_000_000_000L + n), (a, v) -> -was);
        }
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(index.size()).isEqualTo(count);
        for (long n = 0; n < count; n++) {
            assertThat(index.get("+1" + (2_000_000_000L + n))).isEqualTo(n % 2 == 0 ? -n : n);
        }
    }
}
