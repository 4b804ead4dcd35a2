package org.consentry.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A floor for the percentiles of {@code RulebookBenchmark.decide160}: pure computation of about the same length
 * (no memory beyond the registers, no allocation), timed the same way. What this shows at p99 and beyond is the
 * machine (timer interrupts, the hypervisor), not the code.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SampleFloor {

    /** Blackhole tokens; 2,000 takes about 7 µs on the machine of BENCHMARKS.md. */
    @Param("2000")
    long tokens;

    @Benchmark
    public void spin() {
        Blackhole.consumeCPU(tokens);
    }
}
