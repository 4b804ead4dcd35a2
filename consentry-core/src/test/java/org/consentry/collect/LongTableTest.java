package org.consentry.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class LongTableTest {

    /** Any sequence of writes (key 0 and negative keys included) reads back as a map's, across growth. */
    @Property(tries = 300)
    void answersAsAMapDoes(@ForAll @Size(max = 400) List<@LongRange(min = -50, max = 300) Long> keys) {
        LongTable<Long> table = new LongTable<>(2);
        Map<Long, Long> model = new HashMap<>();
        long write = 0;
        for (long key : keys) {
            write++;
            table.put(key, write);
            model.put(key, write);
            assertThat(table.get(key)).isEqualTo(write);
        }
        for (long key = -60; key <= 310; key++) {
            table.touch(key); // only reads: the answers stay those of the map
            assertThat(table.get(key)).as("key %d", key).isEqualTo(model.get(key));
        }
        assertThat(table.size()).isEqualTo(model.size());
        Map<Long, Long> seen = new HashMap<>();
        table.forEach(seen::put);
        assertThat(seen).isEqualTo(model);
    }
}
