package org.consentry.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.consentry.registry.NumberSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Look-ups in a list of numbers recorded through the API (2,000,000 numbers), with no change waiting beside the
 * bitmap ({@code pending=0}) and with 20,000 ({@code pending=20000}, the numbers of the last events, not yet merged).
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NumberSetBenchmark {

    @Param({"0", "20000"})
    int pending;

    NumberSet set;
    String[] probes;
    int next;

    @Setup
    public void setUp() {
        set = new NumberSet();
        SplittableRandom random = new SplittableRandom(5);
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 2_000_000; i++) {
            batch.add("+1" + (2_000_000_000L + random.nextLong(8_000_000_000L)));
            if (batch.size() == 100_000) {
                set.addAll(batch);
                batch.clear();
            }
        }
        for (int i = 0; i < pending; i++) {
            batch.add("+1" + (2_000_000_000L + random.nextLong(8_000_000_000L)));
        }
        set.addAll(batch);
        probes = new String[1 << 16];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = "+1" + (2_000_000_000L + random.nextLong(8_000_000_000L));
        }
    }

    @Benchmark
    public boolean contains() {
        return set.contains(probes[next++ & (probes.length - 1)]);
    }
}
