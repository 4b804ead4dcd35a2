package org.consentry.delivery;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that looks for work that is due (messages, status notices): again at once while the last look started
 * something, else when woken or after an idle wait. A look that fails is logged and tried again after that wait.
 */
public final class DuePoller implements AutoCloseable {

    /** One look: starts what is due, and says how much it started. */
    @FunctionalInterface
    public interface Look {
        int start() throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(DuePoller.class);

    private final Duration idle;
    private final Look look;
    private final String what;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closing;

    /**
     * @param what what a look reads, for the log when it fails ("the outbox")
     */
    public DuePoller(String name, Duration idle, String what, Look look) {
        this.idle = idle;
        this.look = look;
        this.what = what;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Has a look made now. */
    public void wake() {
        wake.release();
    }

    /** True once {@link #close} began: a look stops starting work. */
    public boolean closing() {
        return closing;
    }

    private void run() {
        while (!closing) {
            try {
                wake.drainPermits();
                if (look.start() == 0) {
                    wake.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("{} could not be read; it is read again", what, e);
                try {
                    Thread.sleep(idle.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops looking, waiting up to five seconds for a look under way. */
    @Override public void close() {
        closing = true;
        wake.release();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
