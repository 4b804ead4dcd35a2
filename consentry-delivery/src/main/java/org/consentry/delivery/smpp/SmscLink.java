package org.consentry.delivery.smpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transceiver bind to the SMSC, kept up: bound in the background once opened, and bound again whenever it is lost (the
 * SMSC unbound or dropped it, the network broke, an enquire_link went unanswered) or a bind fails (the SMSC is down, the
 * password is wrong), after a wait that doubles at each failure ({@link LinkTimings}), until closed. Nothing here throws:
 * while there is no bind, {@link #session()} is empty and {@link #trouble()} says why.
 */
final class SmscLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmscLink.class);

    private final SmppUrl url;
    private final LinkTimings timings;
    private final ScheduledExecutorService binder = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "consentry-smpp-bind");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<SMPPSession> bound = new AtomicReference<>();
    private volatile SMPPSession binding;
    private volatile MessageReceiverListener listener;
    private volatile Duration retry;
    private volatile String trouble = "not bound yet";
    private volatile boolean closed;

    SmscLink(SmppUrl url, LinkTimings timings) {
        this.url = url;
        this.timings = timings;
        this.retry = timings.firstRetry();
    }

    /** Starts binding, with where the SMSC's deliver_sm go. */
    void open(MessageReceiverListener deliveries) {
        this.listener = deliveries;
        later(Duration.ZERO, this::bind);
    }

    /** The bound session, when there is one. */
    Optional<SMPPSession> session() {
        SMPPSession session = bound.get();
        return session != null && session.getSessionState().isBound() ? Optional.of(session) : Optional.empty();
    }

    /** Why there is no bound session. */
    String trouble() {
        return trouble;
    }

    private void bind() {
        if (closed) {
            return;
        }
        SMPPSession session = new SMPPSession(this::connect);
        session.setMessageReceiverListener(listener);
        session.setEnquireLinkTimer((int) timings.enquireLink().toMillis());
        session.setTransactionTimer(timings.response().toMillis());
        session.addSessionStateListener((now, before, source) -> {
            if (now == SessionState.UNBOUND || now == SessionState.CLOSED) {
                lost(session);
            }
        });
        binding = session;
        try {
            session.connectAndBind(url.host(), url.port(), new BindParameter(BindType.BIND_TRX, url.systemId(), url.password(),
                    url.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), timings.response().toMillis());
        } catch (IOException | RuntimeException e) {
            session.close();
            if (closed) {
                return;
            }
            trouble = "the bind to " + url.host() + ":" + url.port() + " failed (" + e.getMessage() + ")";
            log.warn("SMPP {}: {}; binding again in {} ms", url, trouble, retry.toMillis());
            later(retry, this::bind);
            retry = timings.after(retry);
            return;
        }
        bound.set(session);
        retry = timings.firstRetry();
        log.info("SMPP bound to {} as a transceiver", url);
        if (closed) {
            close();
        } else if (!session.getSessionState().isBound()) {
            lost(session); // lost while the bind was being kept
        }
    }

    /** Called once a bound session is unbound or closed (the state listener and the binder may both see it). */
    private void lost(SMPPSession session) {
        if (!bound.compareAndSet(session, null)) {
            return;
        }
        trouble = "the link to the SMSC was lost";
        if (!closed) {
            log.warn("SMPP {}: the link was lost; binding again in {} ms", url, retry.toMillis());
            later(retry, () -> {
                session.close();
                bind();
            });
        }
    }

    private void later(Duration wait, Runnable task) {
        try {
            binder.schedule(task, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: no more binds
        }
    }

    /** A socket that gives up connecting after the response time, where jSMPP's own would wait for the system's timeout. */
    private Connection connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timings.response().toMillis());
            return new SocketConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Unbinds and closes the session, and binds no more. */
    @Override public void close() {
        closed = true;
        trouble = "the SMPP connector is closed";
        binder.shutdownNow();
        SMPPSession session = bound.getAndSet(null);
        if (session != null) {
            session.unbindAndClose();
        }
        SMPPSession unfinished = binding;
        if (unfinished != null && !unfinished.getSessionState().isBound()) {
            unfinished.close(); // a bind still waiting for its answer gives up now
        }
    }
}
