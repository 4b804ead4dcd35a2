package org.consentry.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.consentry.content.ContentAnalyzer;
import org.consentry.content.MessageContent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a 160-character marketing text that was never seen before (words, links, the normalised hash, the
 * shingles): what every personalised or transactional send pays before its content rules run.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContentReadBenchmark {

    static final int SAMPLES = 1 << 16;

    ContentAnalyzer analyzer;
    String[] bodies;
    int next;

    @Setup
    public void setUp() {
        analyzer = ContentAnalyzer.load();
        Random random = new Random(42);
        bodies = new String[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            bodies[i] = RulebookBenchmark.MixedTraffic.text160(random, 1_000_000).body();
        }
    }

    @Benchmark
    public MessageContent read160() {
        // each body comes round again after 65,536 calls, and is never remembered (it would need a second sighting
        // within the table's memory: 16,384 slots)
        return analyzer.analyze(bodies[next++ & (SAMPLES - 1)]);
    }
}
