package org.consentry.bench;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.consentry.registry.NanpRegistry;
import org.consentry.store.registry.SnapshotFile;
import org.consentry.testing.SyntheticRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import java.nio.ByteBuffer;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * The ways to hold a 250-million-number registry, looked up at random US numbers: RoaringBitmaps off the heap
 * (as mapped from a file), the same RoaringBitmaps on the heap, a flat bitset of 10 million bits per area code,
 * and what Consentry holds ({@code registry}: flat where an area code is dense, mapped RoaringBitmaps where it is
 * sparse). The setup prints what each holds in memory.
 * Needs a snapshot: {@code consentry registry import --list national --data /tmp/bdata /tmp/national-250m.txt}.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RegistryLookupBenchmark {

    static final int SAMPLES = 1 << 20;

    @Param("/tmp/bdata/registries/national.dnc")
    String snapshot;

    NanpRegistry registry;
    ImmutableRoaringBitmap[] offHeap = new ImmutableRoaringBitmap[1000];
    RoaringBitmap[] heap = new RoaringBitmap[1000];
    long[][] flat = new long[1000][];
    long[] numbers = new long[SAMPLES];

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        long started = System.nanoTime();
        registry = SnapshotFile.open(Path.of(snapshot));
        System.out.printf("%nopened %,d numbers in %.3f s%n", registry.size(), (System.nanoTime() - started) / 1e9);
        long heapBytes = 0;
        long offHeapBytes = 0;
        long flatBytes = 0;
        for (int areaCode = 0; areaCode < 1000; areaCode++) {
            RoaringBitmap numbers = registry.dense(areaCode) != null ? BitSetUtil.bitmapOf(words(registry.dense(areaCode)))
                    : registry.sparse(areaCode) != null ? registry.sparse(areaCode).toRoaringBitmap() : null;
            if (numbers == null) {
                continue;
            }
            numbers.runOptimize();
            heap[areaCode] = numbers;
            heapBytes += numbers.getLongSizeInBytes();
            ByteBuffer serialized = ByteBuffer.allocateDirect(numbers.serializedSizeInBytes());
            numbers.serialize(serialized);
            serialized.flip();
            offHeap[areaCode] = new ImmutableRoaringBitmap(serialized);
            offHeapBytes += serialized.capacity();
            long[] bits = new long[(10_000_000 + 63) / 64];
            numbers.forEach((int local) -> bits[local >>> 6] |= 1L << local);
            flat[areaCode] = bits;
            flatBytes += bits.length * 8L;
        }
        System.out.printf("RoaringBitmaps: %,d MiB on the heap, %,d MiB mapped; flat bitsets: %,d MiB%n", heapBytes >> 20, offHeapBytes >> 20,
                flatBytes >> 20);
        int[] areaCodes = SyntheticRegistry.usAreaCodes();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < SAMPLES; i++) {
            numbers[i] = 10_000_000_000L + areaCodes[random.nextInt(areaCodes.length)] * 10_000_000L + 2_000_000 + random.nextInt(8_000_000);
        }
    }

    /** What Consentry holds: flat area codes where dense, mapped RoaringBitmaps where sparse. */
    @Benchmark
    public boolean registry(Cursor cursor) {
        return registry.contains(numbers[cursor.next++ & (SAMPLES - 1)]);
    }

    private static long[] words(java.nio.LongBuffer dense) {
        long[] words = new long[dense.capacity()];
        dense.get(0, words);
        return words;
    }

    @Benchmark
    public boolean mappedRoaring(Cursor cursor) {
        long national = numbers[cursor.next++ & (SAMPLES - 1)] - 10_000_000_000L;
        ImmutableRoaringBitmap numbers = offHeap[(int) (national / 10_000_000L)];
        return numbers != null && numbers.contains((int) (national % 10_000_000L));
    }

    @Benchmark
    public boolean heapRoaring(Cursor cursor) {
        long national = numbers[cursor.next++ & (SAMPLES - 1)] - 10_000_000_000L;
        RoaringBitmap numbers = heap[(int) (national / 10_000_000L)];
        return numbers != null && numbers.contains((int) (national % 10_000_000L));
    }

    @Benchmark
    public boolean flatBitset(Cursor cursor) {
        long national = numbers[cursor.next++ & (SAMPLES - 1)] - 10_000_000_000L;
        long[] bits = flat[(int) (national / 10_000_000L)];
        int local = (int) (national % 10_000_000L);
        return bits != null && (bits[local >>> 6] & (1L << local)) != 0;
    }
}
