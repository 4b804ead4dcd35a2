package org.consentry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayPipelineTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void appliesEveryRowOnceInTheOrderTakenWhicheverThreadDecodedIt(int threads) {
        List<Integer> applied = new ArrayList<>();
        Set<String> decoders = ConcurrentHashMap.newKeySet();
        int rows = 10 * ReplayPipeline.BATCH + 7;
        try (ReplayPipeline<Integer, Integer> pipeline = new ReplayPipeline<>(threads, row -> {
            decoders.add(Thread.currentThread().getName());
            return row * 2;
        }, applied::add)) {
            for (int i = 0; i < rows; i++) {
                pipeline.accept(i);
            }
            pipeline.finish();
        }
        assertThat(applied).hasSize(rows);
        for (int i = 0; i < rows; i++) {
            assertThat(applied.get(i)).isEqualTo(2 * i);
        }
        if (threads > 1) {
            assertThat(decoders).allMatch(name -> name.equals("consentry-replay"));
        } else {
            assertThat(decoders).containsExactly(Thread.currentThread().getName());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aRowTheApplyingStepRefusesStopsTheReplayWithNothingAfterItApplied(int threads) {
        List<Integer> applied = new ArrayList<>();
        int refused = 3 * ReplayPipeline.BATCH + 11;
        try (ReplayPipeline<Integer, Integer> pipeline = new ReplayPipeline<>(threads, row -> row, row -> {
            if (row == refused) {
                throw new IllegalStateException("row " + row + " is damaged");
            }
            applied.add(row);
        })) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 20 * ReplayPipeline.BATCH; i++) {
                    pipeline.accept(i);
                }
                pipeline.finish();
            }).hasMessage("row " + refused + " is damaged");
        }
        assertThat(applied).hasSize(refused).last().isEqualTo(refused - 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void everyRowBeforeOneWhoseDecoderThrowsIsAppliedFirst(int threads) {
        // as on the reading thread alone: the rows read before the broken one, in its own batch too, are applied (and
        // checked, so that an earlier damaged entry is the one named) before its failure is thrown
        List<Integer> applied = new ArrayList<>();
        int broken = ReplayPipeline.BATCH + 3;
        try (ReplayPipeline<Integer, Integer> pipeline = new ReplayPipeline<>(threads, row -> {
            if (row == broken) {
                throw new IllegalArgumentException("cannot decode " + row);
            }
            return row;
        }, applied::add)) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 4 * ReplayPipeline.BATCH; i++) {
                    pipeline.accept(i);
                }
                pipeline.finish();
            }).isInstanceOf(IllegalArgumentException.class).hasMessage("cannot decode " + broken);
        }
        assertThat(applied).hasSize(broken);
        for (int i = 0; i < broken; i++) {
            assertThat(applied.get(i)).isEqualTo(i);
        }
    }
}
