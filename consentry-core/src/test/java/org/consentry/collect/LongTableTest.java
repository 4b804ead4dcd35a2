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
        long[] group = new long[371];
        for (int i = 0; i < group.length; i++) {
            group[i] = i - 60L;
        }
        Long[] found = new Long[group.length + 3];
        java.util.Arrays.fill(found, -1L); // what was there before is overwritten, a miss included
        table.getAll(group, group.length, found);
        for (int i = 0; i < group.length; i++) {
            assertThat(found[i]).as("key %d in a group", group[i]).isEqualTo(model.get(group[i]));
        }
        assertThat(found[group.length]).as("past the count: left as it was").isEqualTo(-1L);
        assertThat(table.size()).isEqualTo(model.size());
        Map<Long, Long> seen = new HashMap<>();
        table.forEach(seen::put);
        assertThat(seen).isEqualTo(model);
    }
}
