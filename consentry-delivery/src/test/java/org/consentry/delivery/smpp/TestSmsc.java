package org.consentry.delivery.smpp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A real SMSC for the tests, on jSMPP's server side, listening on a free port of 127.0.0.1. It binds an ESME that gives
 * its system id and password (else ESME_RINVPASWD), answers every submit_sm with a message id of its own and keeps it,
 * and can be told to refuse the next submits, to answer slowly, to drop every session as a network would, to send a
 * delivery receipt or a handset's text. It counts the submits it holds unanswered, and the most it held at once.
 */
public final class TestSmsc extends SubmitOnlyListener implements AutoCloseable {

    private final String systemId;
    private final String password;
    private final SMPPServerSessionListener listener;
    private final int port;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-smsc");
        thread.setDaemon(true);
        return thread;
    });
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final Deque<Integer> refusals = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger mostOutstanding = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private volatile int dropAt;
    private volatile boolean closed;

    public TestSmsc(String systemId, String password) throws IOException {
        this.systemId = systemId;
        this.password = password;
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = socket.getLocalPort();
        this.listener = new SMPPServerSessionListener(0, 0, 50, loopback(socket));
        listener.setPduProcessorDegree(32); // more than any window, so that a slow answer holds no other submit back
        listener.setMessageReceiverListener(this);
        listener.setSessionStateListener((now, before, source) -> {
            if (now == SessionState.CLOSED || now == SessionState.UNBOUND) {
                sessions.remove(source);
            }
        });
        workers.execute(this::acceptSessions);
    }

    private static ServerConnectionFactory loopback(ServerSocket socket) {
        return new ServerConnectionFactory() {
            @Override public ServerSocketConnection listen(int port) {
                return new ServerSocketConnection(socket);
            }

            @Override public ServerSocketConnection listen(int port, int timeout) {
                return new ServerSocketConnection(socket);
            }

            @Override public ServerSocketConnection listen(int port, int timeout, int backlog) {
                return new ServerSocketConnection(socket);
            }
        };
    }

    /** The URL an ESME binds with, under the given credentials. */
    public String url(String systemId, String password) {
        return "smpp://" + systemId + ":" + password + "@127.0.0.1:" + port;
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
            binds.incrementAndGet();
            if (!systemId.equals(request.getSystemId()) || !password.equals(request.getPassword())) {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                return;
            }
            sessions.add(session);
            request.accept(systemId);
        } catch (IOException | PDUStringException | TimeoutException | IllegalStateException e) {
            session.close();
        }
    }

    @Override public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
        mostOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
        try {
            if (received.incrementAndGet() == dropAt) {
                dropSessions(); // before this submit is answered: its answer is lost with the link
            }
            pause(delay);
            java.util.concurrent.CountDownLatch hold = held;
            if (hold != null) {
                awaitRelease(hold);
                if (!source.getSessionState().isBound()) {
                    // the ESME is gone: this SMSC had not taken the message, and keeps nothing of it
                    throw new ProcessRequestException("the ESME left while its submit was held", SMPPConstant.STAT_ESME_RSYSERR);
                }
            }
            Integer refusal = nextRefusal();
            String id = refusal == null ? String.format("SMSC%08X", ids.incrementAndGet()) : null;
            submitted.add(new Submitted(id, submit.getSourceAddrTon(), submit.getSourceAddrNpi(), submit.getSourceAddr(),
                    submit.getDestAddrTon(), submit.getDestAddrNpi(), submit.getDestAddress(), submit.getDataCoding(),
                    submit.getEsmClass(), submit.getRegisteredDelivery(), submit.getShortMessage().clone()));
            if (refusal != null) {
                throw new ProcessRequestException("refused as told", refusal);
            }
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("no message id", SMPPConstant.STAT_ESME_RSYSERR);
        } finally {
            outstanding.decrementAndGet();
        }
    }

    private synchronized Integer nextRefusal() {
        return refusals.poll();
    }

    /** Refuses the next {@code count} submits with {@code status}. */
    public synchronized void refuseNext(int count, int status) {
        for (int i = 0; i < count; i++) {
            refusals.add(status);
        }
    }

    private volatile java.util.concurrent.CountDownLatch held;

    /**
     * Holds every submit from now on unanswered, and untaken, until {@link #releaseAnswers}: a submit whose ESME is gone by
     * then is dropped, as an SMSC that takes a message only as it answers for it.
     */
    public void holdAnswers() {
        held = new java.util.concurrent.CountDownLatch(1);
    }

    /** Answers the held submits (those whose ESME is still bound), and holds none from now on. */
    public void releaseAnswers() {
        java.util.concurrent.CountDownLatch hold = held;
        held = null;
        if (hold != null) {
            hold.countDown();
        }
    }

    private static void awaitRelease(java.util.concurrent.CountDownLatch hold) {
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many submits it holds unanswered now. */
    public int outstanding() {
        return outstanding.get();
    }

    /** Answers every submit after {@code wait}. */
    public void delayResponses(Duration wait) {
        this.delay = wait;
    }

    /** Drops every session when the {@code nth} submit (counted from the start) comes in, leaving it unanswered. */
    public void dropSessionsAt(int nth) {
        this.dropAt = nth;
    }

    /** Closes every session's socket, without an unbind, as a network failure would. */
    public void dropSessions() {
        for (SMPPServerSession session : sessions) {
            sessions.remove(session);
            session.close();
        }
    }

    /** Every submit_sm, in the order they came. */
    public List<Submitted> submitted() {
        return List.copyOf(submitted);
    }

    /** The submits it took. */
    public List<Submitted> accepted() {
        return submitted.stream().filter(submit -> submit.messageId() != null).toList();
    }

    /** The texts it took, a long text's parts joined (by destination and reference), in the order of their first part. */
    public List<String> texts() {
        Map<String, String[]> texts = new LinkedHashMap<>();
        for (Submitted submit : accepted()) {
            Concatenation part = submit.userData().concatenation();
            if (part == null) {
                texts.put(submit.messageId(), new String[] {submit.text()});
            } else {
                String key = submit.destination() + "|" + part.reference() + "|" + part.total();
                texts.computeIfAbsent(key, absent -> new String[part.total()])[part.sequence() - 1] = submit.text();
            }
        }
        return texts.values().stream().map(parts -> Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining())).toList();
    }

    /** How many binds were asked for, refused ones included. */
    public int bindRequests() {
        return binds.get();
    }

    /** The most submits it held unanswered at once. */
    public int mostOutstanding() {
        return mostOutstanding.get();
    }

    /** Sends the receipt a handset's network would for a message it took: DELIVRD, UNDELIV... */
    public void receipt(String messageId, DeliveryReceiptState state) throws Exception {
        Submitted original = submitted.stream().filter(submit -> messageId.equals(submit.messageId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
        Date now = new Date();
        String text = new DeliveryReceipt(messageId, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, now, now, state,
                state == DeliveryReceiptState.DELIVRD ? "000" : "001", "").toString();
        session().deliverShortMessage("", TypeOfNumber.valueOf(original.destTon()), NumberingPlanIndicator.valueOf(original.destNpi()),
                original.destination(), TypeOfNumber.valueOf(original.sourceTon()), NumberingPlanIndicator.valueOf(original.sourceNpi()),
                original.source(), new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends a handset's text ({@code from}, in E.164) to a tenant's number, in one deliver_sm. */
    public void handsetSends(String from, String to, String text) throws Exception {
        SmsEncoding encoding = SmsEncoding.of(text);
        deliver(from, to, encoding, new ESMClass(), encoding.encode(text));
    }

    /** Sends a handset's long text in parts of {@code size} characters, the last part first. */
    public void handsetSendsInParts(String from, String to, String text, int size, int reference) throws Exception {
        SmsEncoding encoding = SmsEncoding.of(text);
        List<String> parts = new ArrayList<>();
        for (int start = 0; start < text.length(); start += size) {
            parts.add(text.substring(start, Math.min(text.length(), start + size)));
        }
        for (int part = parts.size(); part >= 1; part--) {
            byte[] message = new Concatenation(reference, parts.size(), part).prefix(encoding.encode(parts.get(part - 1)));
            deliver(from, to, encoding, new ESMClass(Concatenation.UDHI), message);
        }
    }

    private void deliver(String from, String to, SmsEncoding encoding, ESMClass esmClass, byte[] message) throws Exception {
        boolean international = to.startsWith("+");
        session().deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from.substring(1),
                international ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN,
                international ? to.substring(1) : to, esmClass, (byte) 0, (byte) 0, new RegisteredDelivery(0),
                DataCodings.newInstance(encoding.dataCoding), message);
    }

    /** True when an ESME is bound now. */
    public boolean hasBoundSession() {
        return sessions.stream().anyMatch(session -> session.getSessionState().isBound());
    }

    private SMPPServerSession session() {
        return sessions.stream().filter(session -> session.getSessionState().isBound()).reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("no ESME is bound"));
    }

    private static void pause(Duration wait) {
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override public void close() throws IOException {
        releaseAnswers();
        closed = true;
        listener.close();
        dropSessions();
        workers.shutdownNow();
    }
}
