package org.consentry.bench;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.consentry.delivery.smpp.TestSmsc;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;

/**
 * The local delivery peer of a load run ({@code bench/load/messages.sh}), on 127.0.0.1, counting what it takes:
 *
 * <ul>
 *   <li>{@code smpp PORT}: an SMSC on jSMPP's server side that binds system id {@code bench}, password {@code benchpw},
 *       and answers every submit_sm at once with a message id of its own (ESME_ROK), keeping nothing but the count. It
 *       sends no delivery receipts, so a message it took stays {@code sent} in the outbox.</li>
 *   <li>{@code testsmsc}: the tests' {@link TestSmsc} (a free port), which keeps every submit in a list: to compare.</li>
 *   <li>{@code smtp PORT}: GreenMail's SMTP server, every message read and parsed as GreenMail does; its delivery to a
 *       mailbox replaced by a count ({@code UserManager#setMessageDeliveryHandler}), so that the heap does not fill.</li>
 * </ul>
 *
 * Prints {@code url <the connector's URL>} once listening, then once a second {@code <epoch ms> <taken> <distinct> <taken
 * in that second>}, and {@code total <taken> <distinct>} when stopped (SIGTERM / SIGINT). {@code PORT} 0 picks a free
 * port. Taken counts every submit_sm answered / email received; distinct counts each message once (an SMS by destination
 * and text, an email by its Message-ID), so that a message delivered twice shows as taken minus distinct.
 */
public final class DeliveryPeers {

    private DeliveryPeers() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DeliveryPeers smpp|testsmsc|smtp [PORT]");
            System.exit(2);
        }
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        LongSupplier taken;
        LongSupplier distinct;
        AutoCloseable peer;
        switch (args[0]) {
            case "smpp" -> {
                CountingSmsc smsc = new CountingSmsc(port, "bench", "benchpw");
                System.out.println("url " + smsc.url());
                taken = smsc::taken;
                distinct = smsc::distinct;
                peer = smsc;
            }
            case "testsmsc" -> {
                TestSmsc smsc = new TestSmsc("bench", "benchpw");
                System.out.println("url " + smsc.url("bench", "benchpw"));
                taken = () -> smsc.submitted().size();
                distinct = () -> smsc.submitted().stream().map(submit -> submit.destination() + '|' + submit.text()).distinct().count();
                peer = smsc;
            }
            case "smtp" -> {
                CountingMail mail = new CountingMail(port);
                System.out.println("url " + mail.url());
                taken = mail::taken;
                distinct = mail::distinct;
                peer = mail;
            }
            default -> throw new IllegalArgumentException("no peer " + args[0]);
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        long last = 0;
        long next = System.currentTimeMillis() + 1_000;
        while (!stop.await(Math.max(0, next - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) {
            long now = taken.getAsLong();
            System.out.println(System.currentTimeMillis() + " " + now + " " + distinct.getAsLong() + " " + (now - last));
            last = now;
            next += 1_000;
        }
        System.out.println(System.currentTimeMillis() + " " + taken.getAsLong() + " " + distinct.getAsLong() + " " + (taken.getAsLong() - last));
        System.out.println("total " + taken.getAsLong() + " " + distinct.getAsLong());
        System.out.flush();
        peer.close();
        stopped.countDown();
    }

    /** An SMSC that answers every submit_sm at once and only counts. */
    static final class CountingSmsc extends org.consentry.delivery.smpp.SubmitOnlyListener implements AutoCloseable {

        private final String systemId;
        private final String password;
        private final ServerSocket socket;
        private final SMPPServerSessionListener listener;
        private final LongAdder taken = new LongAdder();
        private final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final AtomicInteger ids = new AtomicInteger();
        private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "bench-smsc");
            thread.setDaemon(true);
            return thread;
        });
        private volatile boolean closed;

        CountingSmsc(int port, String systemId, String password) throws IOException {
            this.systemId = systemId;
            this.password = password;
            this.socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            this.listener = new SMPPServerSessionListener(0, 0, 50, new ServerConnectionFactory() {
                @Override public ServerSocketConnection listen(int p) {
                    return new ServerSocketConnection(socket);
                }

                @Override public ServerSocketConnection listen(int p, int timeout) {
                    return new ServerSocketConnection(socket);
                }

                @Override public ServerSocketConnection listen(int p, int timeout, int backlog) {
                    return new ServerSocketConnection(socket);
                }
            });
            listener.setPduProcessorDegree(8);
            listener.setQueueCapacity(10_000);
            listener.setMessageReceiverListener(this);
            workers.execute(this::acceptSessions);
        }

        String url() {
            return "smpp://" + systemId + ":" + password + "@127.0.0.1:" + socket.getLocalPort();
        }

        long taken() {
            return taken.sum();
        }

        long distinct() {
            return seen.size();
        }

        private void acceptSessions() {
            while (!closed) {
                try {
                    SMPPServerSession session = listener.accept();
                    workers.execute(() -> bind(session));
                } catch (IOException e) {
                    if (closed) {
                        return;
                    }
                }
            }
        }

        private void bind(SMPPServerSession session) {
            try {
                BindRequest request = session.waitForBind(5_000);
                if (!systemId.equals(request.getSystemId()) || !password.equals(request.getPassword())) {
                    request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                    return;
                }
                request.accept(systemId);
            } catch (IOException | PDUStringException | TimeoutException | IllegalStateException e) {
                session.close();
            }
        }

        @Override public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            try {
                MessageId id = new MessageId(String.format("B%08X", ids.incrementAndGet()));
                taken.increment();
                seen.add(submit.getDestAddress() + '|' + new String(submit.getShortMessage(), java.nio.charset.StandardCharsets.ISO_8859_1));
                return new SubmitSmResult(id, new org.jsmpp.bean.OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException("no message id", SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override public void close() throws IOException {
            closed = true;
            listener.close();
            workers.shutdownNow();
        }
    }

    /** GreenMail's SMTP server, each message it took counted where it would have gone to a mailbox. */
    static final class CountingMail implements AutoCloseable {

        private final GreenMail greenMail;
        private final LongAdder taken = new LongAdder();
        private final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();

        CountingMail(int port) throws IOException {
            if (port == 0) {
                try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = free.getLocalPort();
                }
            }
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
            greenMail.start();
            GreenMailUser sink = new Sink(taken, seen);
            // after start(), which makes the managers: every recipient's message comes here instead of a mailbox
            greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> sink);
        }

        String url() {
            return "smtp://127.0.0.1:" + greenMail.getSmtp().getPort();
        }

        long taken() {
            return taken.sum();
        }

        long distinct() {
            return seen.size();
        }

        @Override public void close() {
            greenMail.stop();
        }
    }

    /** A mailbox that keeps nothing and counts what it is given. */
    private record Sink(LongAdder taken, java.util.Set<String> seen) implements GreenMailUser {
        @Override public String getEmail() {
            return "sink@bench.invalid";
        }

        @Override public String getLogin() {
            return "sink";
        }

        @Override public void deliver(MovingMessage message) {
            deliver(message.getMessage());
        }

        @Override public void deliver(MimeMessage message) {
            taken.increment();
            try {
                seen.add(String.valueOf(message.getMessageID()));
            } catch (jakarta.mail.MessagingException e) {
                seen.add("unreadable " + taken.sum());
            }
        }

        @Override public void create() {
        }

        @Override public void delete() {
        }

        @Override public String getPassword() {
            return "";
        }

        @Override public void setPassword(String password) {
        }

        @Override public void authenticate(String password) {
        }

        @Override public String getQualifiedMailboxName() {
            return "sink";
        }
    }
}
