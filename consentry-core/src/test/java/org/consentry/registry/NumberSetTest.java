package org.consentry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NumberSetTest {

    /** A batch of numbers to add (true) or remove (false). */
    record Change(boolean add, List<String> numbers) {
    }

    @Property(tries = 300)
    void answersAsASetDoesAcrossRebuilds(@ForAll("changes") List<Change> changes, @ForAll @IntRange(min = 1, max = 40) int mergeAt) {
        NumberSet set = new NumberSet(mergeAt);
        Set<String> model = new HashSet<>();
        for (Change change : changes) {
            int expected = 0;
            for (String number : new java.util.LinkedHashSet<>(change.numbers())) {
                expected += (change.add() ? model.add(number) : model.remove(number)) ? 1 : 0;
            }
            int reported = change.add() ? set.addAll(change.numbers()) : set.removeAll(change.numbers());
            assertThat(reported).isEqualTo(expected);
            assertThat(set.size()).isEqualTo(model.size());
        }
        for (long n = 0; n < 60; n++) {
            String number = "+1305555" + (1000 + n);
            assertThat(set.contains(number)).as(number).isEqualTo(model.contains(number));
            assertThat(set.contains(NumberSet.key(number))).as("%s by its digits", number).isEqualTo(model.contains(number));
        }
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<String> numbers = Arbitraries.longs().between(1000, 1059).map(n -> "+1305555" + n);
        return Arbitraries.of(true, false).flatMap(add -> numbers.list().ofMaxSize(12).map(list -> new Change(add, list)))
                .list().ofMaxSize(60);
    }

    @Test
    void aBadNumberChangesNothing() {
        NumberSet set = new NumberSet();
        set.add("+13055550100");
        assertThatThrownBy(() -> set.addAll(List.of("+13055550101", "+1305x"))).isInstanceOf(NumberFormatException.class);
        assertThat(set.contains("+13055550101")).isFalse();
        assertThat(set.size()).isEqualTo(1);
        assertThat(NumberSet.key("+13055550100")).isEqualTo(13055550100L);
        assertThat(NumberSet.key("13055550100")).isEqualTo(13055550100L);
        assertThat(set.add("+0")).isTrue(); // not a phone number, but what a key of 0 is must not be confused with an empty slot
        assertThat(set.contains("+0")).isTrue();
        assertThat(set.remove("+0")).isTrue();
        assertThat(set.contains("+0")).isFalse();
        assertThat(set.size()).isEqualTo(1);
    }

    /** Readers beside a writer that adds, removes and rebuilds never miss a number that stays on the list. */
    @Test
    void readersNeverMissANumberThatStays() throws Exception {
        NumberSet set = new NumberSet(500);
        List<String> staying = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            staying.add("+1212555" + (2000 + i));
        }
        set.addAll(staying);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                for (int round = 0; round < 200; round++) {
                    for (String number : staying) {
                        if (!set.contains(number)) {
                            throw new AssertionError(number + " went missing");
                        }
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        reader.start();
        for (int round = 0; round < 200 && reader.isAlive(); round++) {
            List<String> passing = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                passing.add("+1646555" + (1000 + (round * 300 + i) % 9000));
            }
            set.addAll(passing);
            set.removeAll(passing.subList(0, 200));
        }
        reader.join();
        assertThat(failure.get()).isNull();
        assertThat(set.contains("+12125552000")).isTrue();
    }
}
