package org.consentry.store.sqlite;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.consentry.store.ledger.StoreUnavailableException;

/**
 * Decodes the ledger's rows on several threads while keeping their order: the reading thread hands batches of rows to
 * the decoders and takes each batch back, decoded, in the order it was read. Decoding an entry (its JSON, its sealed
 * fields, its chain hash) is most of what a replay costs; the projections are still given every entry in ledger order,
 * from the reading thread alone. A decoder's failure is not thrown from the decoder: it travels in the row's place, so
 * that whatever comes before it in the ledger is applied (and checked) first.
 *
 * @param <R> a row as read
 * @param <D> a row decoded
 */
final class ReplayPipeline<R, D> implements AutoCloseable {

    static final int BATCH = 256;

    private final Function<R, D> decode;
    private final Consumer<D> apply;
    private final ExecutorService decoders;
    private final int inFlight;
    private final ArrayDeque<Future<List<D>>> pending = new ArrayDeque<>();
    private List<R> batch = new ArrayList<>(BATCH);

    /** @param threads decoder threads; with one or none, rows are decoded on the reading thread */
    ReplayPipeline(int threads, Function<R, D> decode, Consumer<D> apply) {
        this.decode = decode;
        this.apply = apply;
        this.decoders = threads < 2 ? null : Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "consentry-replay");
            thread.setDaemon(true);
            return thread;
        });
        this.inFlight = 2 * threads + 2;
    }

    /** Decoder threads for this machine: one per processor. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Takes the next row in ledger order; decoded rows are applied as their turn comes. */
    void accept(R row) {
        if (decoders == null) {
            apply.accept(decode.apply(row));
            return;
        }
        batch.add(row);
        if (batch.size() == BATCH) {
            submit();
            if (pending.size() >= inFlight) {
                applyOldest();
            }
        }
    }

    /** Applies every row taken, in order. */
    void finish() {
        if (decoders == null) {
            return;
        }
        if (!batch.isEmpty()) {
            submit();
        }
        while (!pending.isEmpty()) {
            applyOldest();
        }
    }

    private void submit() {
        List<R> rows = batch;
        batch = new ArrayList<>(BATCH);
        pending.add(decoders.submit(() -> {
            List<D> decoded = new ArrayList<>(rows.size());
            try {
                for (R row : rows) {
                    decoded.add(decode.apply(row));
                }
            } catch (RuntimeException | Error e) {
                throw new DecodedBefore(decoded, e); // the rows before it are applied first, as on one thread
            }
            return decoded;
        }));
    }

    /** A decoder's failure with the rows of its batch decoded before it. */
    private static final class DecodedBefore extends RuntimeException {
        final transient List<?> decoded;

        DecodedBefore(List<?> decoded, Throwable failure) {
            super(failure);
            this.decoded = decoded;
        }
    }

    private void applyOldest() {
        List<D> decoded;
        try {
            decoded = pending.remove().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("the ledger's replay was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DecodedBefore before) {
                for (Object row : before.decoded) {
                    @SuppressWarnings("unchecked") D decodedRow = (D) row;
                    apply.accept(decodedRow);
                }
                if (before.getCause() instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) before.getCause();
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new StoreUnavailableException("the ledger's replay failed", e.getCause());
        }
        for (D row : decoded) {
            apply.accept(row);
        }
    }

    /** Stops the decoders, whether or not the replay got to its end. */
    @Override public void close() {
        if (decoders != null) {
            decoders.shutdownNow();
        }
    }
}
