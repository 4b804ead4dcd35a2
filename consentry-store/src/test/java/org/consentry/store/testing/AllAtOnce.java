package org.consentry.store.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs calls on as many threads, released together, for tests of what happens when requests arrive at once. */
public final class AllAtOnce {

    private AllAtOnce() {
    }

    /**
     * Runs {@code callers} calls, call {@code i} made by {@code call.apply(i)}, each on its own thread, all released
     * at the same moment.
     *
     * @return their answers, in the order of {@code i}
     */
    public static <T> List<T> run(int callers, IntFunction<Callable<T>> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<T>> pending = new ArrayList<>(callers);
            for (int i = 0; i < callers; i++) {
                Callable<T> each = call.apply(i);
                pending.add(threads.submit(() -> {
                    start.await();
                    return each.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>(callers);
            for (Future<T> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
