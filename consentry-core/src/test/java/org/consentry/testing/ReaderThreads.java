package org.consentry.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Reader threads for stress tests: each probes a structure over and over while the test writes to it, and notes what
 * it saw wrong, until the test stops them (or ten faults are noted). The test then asserts that none was.
 */
public final class ReaderThreads {

    /** One look-up and its checks; the faults seen go into {@code failures}. One probe per thread: it may keep state. */
    @FunctionalInterface
    public interface Probe {
        void once(Collection<String> failures);
    }

    private final AtomicBoolean done = new AtomicBoolean();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    private ReaderThreads() {
    }

    /** Starts {@code count} threads named {@code name-N}, each running its own probe from {@code probes}. */
    public static ReaderThreads start(int count, String name, Supplier<Probe> probes) {
        ReaderThreads readers = new ReaderThreads();
        for (int r = 0; r < count; r++) {
            Probe probe = probes.get();
            Thread reader = new Thread(() -> {
                while (!readers.done.get() && readers.failures.size() < 10) {
                    probe.once(readers.failures);
                }
            }, name + "-" + r);
            reader.start();
            readers.threads.add(reader);
        }
        return readers;
    }

    /** Stops the readers and waits for them; the faults they noted, in the order noted. */
    public List<String> stop() throws InterruptedException {
        done.set(true);
        for (Thread reader : threads) {
            reader.join(30_000);
        }
        return List.copyOf(failures);
    }
}
