package org.consentry.delivery.smpp;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.consentry.delivery.Connector;
import org.consentry.delivery.Delivery;
import org.consentry.delivery.Outbound;
import org.consentry.delivery.Reports;
import org.consentry.policy.Channel;
import org.jsmpp.session.SMPPSession;

/**
 * Texts over SMPP 3.4 with jSMPP, through one transceiver bind kept up by {@link SmscLink}. A text goes as GSM-7 when it
 * can, else UCS-2, in parts with a concatenation header when it is long ({@link SmsParts}), each part asking for a delivery
 * receipt. At most {@code window} submit_sm wait for their answer at once (one sending thread a slot); more messages wait
 * their turn. The SMSC's answer decides: accepted, with the first part's message id as the provider id; refused for good
 * or for now by its command_status ({@link CommandStatus}); unavailable while there is no bind, or when no answer came.
 * Receipts and recipients' texts go to the {@link Reports} given at {@link #start} ({@link SmscReports}).
 */
public final class SmppConnector implements Connector {

    /** How many long texts' later parts are remembered, so that their receipts are told as the text's. */
    static final int REMEMBERED_PARTS = 100_000;
    /** How many recipients' long texts may wait for their missing parts at once. */
    static final int WAITING_REPLIES = 10_000;

    private final SmppUrl url;
    private final Clock clock;
    private final LinkTimings timings;
    private final SmscLink link;
    private final ExecutorService senders;
    private final PartLedger parts = new PartLedger(REMEMBERED_PARTS);
    /** The concatenation reference, rotating over 8 bits: the same on a long text's parts, another on the next text. */
    private final AtomicInteger references = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    public SmppConnector(SmppUrl url, Clock clock) {
        this(url, clock, LinkTimings.DEFAULT);
    }

    SmppConnector(SmppUrl url, Clock clock, LinkTimings timings) {
        this.url = url;
        this.clock = clock;
        this.timings = timings;
        this.link = new SmscLink(url, timings);
        this.senders = Executors.newFixedThreadPool(url.window(), runnable -> {
            Thread thread = new Thread(runnable, "consentry-smpp-submit");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override public String name() {
        return "smpp";
    }

    @Override public Set<Channel> channels() {
        return Set.of(Channel.SMS);
    }

    /** Binds in the background; returns at once, whether or not the SMSC is there. */
    @Override public void start(Reports reports) {
        if (started.compareAndSet(false, true)) {
            link.open(new SmscReports(name(), reports, parts, new Reassembly(WAITING_REPLIES), clock));
        }
    }

    @Override public CompletableFuture<Delivery> send(Outbound message) {
        CompletableFuture<Delivery> delivery = new CompletableFuture<>();
        try {
            senders.execute(() -> delivery.complete(deliver(message)));
        } catch (RejectedExecutionException e) {
            delivery.complete(new Delivery.Unavailable("the SMPP connector is closed"));
        }
        return delivery;
    }

    private Delivery deliver(Outbound message) {
        try {
            SmppAddress to = SmppAddress.recipient(message.to());
            SmppAddress from = SmppAddress.sender(message.from());
            SmsParts text = SmsParts.of(message.body() == null ? "" : message.body());
            if (text.texts().size() > SmsParts.MAX_PARTS) {
                return new Delivery.Rejected("the text is too long for SMS: " + text.texts().size() + " parts, at most "
                        + SmsParts.MAX_PARTS);
            }
            Optional<SMPPSession> session = link.session();
            if (session.isEmpty()) {
                return new Delivery.Unavailable("not bound to the SMSC: " + link.trouble());
            }
            int reference = references.getAndIncrement() & 0xFF;
            return new Submission(session.get(), parts, from, to, text, reference).submit();
        } catch (IllegalArgumentException e) {
            return new Delivery.Rejected(e.getMessage());
        } catch (RuntimeException e) {
            return new Delivery.Unavailable("the SMPP connector failed: " + e);
        }
    }

    /** True while bound to the SMSC. */
    boolean bound() {
        return link.session().isPresent();
    }

    /** Unbinds, and waits for the messages already given to be answered (unavailable, once unbound). */
    @Override public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        link.close();
        senders.shutdown();
        try {
            senders.awaitTermination(timings.response().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public String toString() {
        return "SmppConnector[" + url + "]";
    }
}
