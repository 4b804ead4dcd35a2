package org.consentry.delivery.smtp;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.consentry.delivery.Connector;
import org.consentry.delivery.Delivery;
import org.consentry.delivery.Outbound;
import org.consentry.policy.Channel;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email over SMTP with Angus Mail. A few connections are kept open and reused (one per sending thread); one that fails
 * is opened again for the next message. Each message carries a Message-ID made from its id, so that a message
 * delivered twice (see {@link org.consentry.delivery.Dispatcher}) is recognisably the same, and the Date it was sent.
 * The server's answer decides: 2xx accepted, 5xx rejected for good, anything else (4xx, no connection) tried again.
 */
public final class SmtpConnector implements Connector {

    /** Headers the connector writes itself; the same names given with a message are refused at acceptance. */
    public static final Set<String> OWN_HEADERS = Set.of("from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version",
            "content-type", "content-transfer-encoding");

    private static final Logger log = LoggerFactory.getLogger(SmtpConnector.class);

    private final SmtpUrl url;
    private final Session session;
    private final Clock clock;
    private final ExecutorService senders;
    private final BlockingQueue<Transport> idle;
    private final DkimSigner dkim;

    /**
     * @param connections how many connections (and sending threads) to keep; a relay usually allows a few per client
     */
    public SmtpConnector(SmtpUrl url, int connections, Clock clock) {
        this(url, connections, clock, null);
    }

    /**
     * @param dkim signs every message, or null for none
     */
    public SmtpConnector(SmtpUrl url, int connections, Clock clock, DkimSigner dkim) {
        this.dkim = dkim;
        this.url = url;
        this.clock = clock;
        String protocol = url.tls() ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", url.host());
        properties.put("mail." + protocol + ".port", String.valueOf(url.port()));
        properties.put("mail." + protocol + ".auth", String.valueOf(url.user() != null));
        properties.put("mail." + protocol + ".starttls.enable", "true"); // whenever the server offers it
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "30000");
        properties.put("mail." + protocol + ".writetimeout", "30000");
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        this.session = Session.getInstance(properties);
        this.idle = new ArrayBlockingQueue<>(connections);
        this.senders = Executors.newFixedThreadPool(connections, runnable -> {
            Thread thread = new Thread(runnable, "consentry-smtp");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override public String name() {
        return "smtp";
    }

    @Override public Set<Channel> channels() {
        return Set.of(Channel.EMAIL);
    }

    @Override public CompletableFuture<Delivery> send(Outbound message) {
        return CompletableFuture.supplyAsync(() -> deliver(message), senders);
    }

    private Delivery deliver(Outbound outbound) {
        MimeMessage message;
        try {
            message = message(outbound);
        } catch (AddressException e) {
            return new Delivery.Rejected("not an email address: " + e.getRef());
        } catch (MessagingException e) {
            return new Delivery.Rejected("the message could not be written: " + e.getMessage());
        }
        Transport transport = idle.poll();
        try {
            if (transport == null) {
                transport = session.getTransport();
            }
            if (!transport.isConnected()) {
                transport.connect(url.host(), url.port(), url.user(), url.password());
            }
            transport.sendMessage(message, message.getAllRecipients());
            String answer = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : null;
            idle.offer(transport);
            return new Delivery.Accepted(queueId(answer));
        } catch (SMTPAddressFailedException e) {
            keep(transport);
            return outcome(e.getReturnCode(), "the server refused the recipient: " + e.getMessage());
        } catch (SMTPSendFailedException e) {
            keep(transport);
            return outcome(e.getReturnCode(), "the server refused the message: " + e.getMessage());
        } catch (SendFailedException e) {
            keep(transport);
            Exception next = e.getNextException();
            if (next instanceof SMTPAddressFailedException failed) {
                return outcome(failed.getReturnCode(), "the server refused the recipient: " + failed.getMessage());
            }
            return new Delivery.Unavailable("the server did not take the message: " + e.getMessage());
        } catch (MessagingException | RuntimeException e) {
            discard(transport);
            log.info("SMTP server {} not reached: {}", url, e.toString());
            return new Delivery.Unavailable("the SMTP server was not reached: " + e.getMessage());
        }
    }

    private static Delivery outcome(int code, String reason) {
        String text = reason.replace('\n', ' ').strip();
        return code >= 500 && code < 600 ? new Delivery.Rejected(text) : new Delivery.Unavailable(text);
    }

    /** A connection still usable after the server refused one message. */
    private void keep(Transport transport) {
        if (transport != null && transport.isConnected()) {
            idle.offer(transport);
        } else {
            discard(transport);
        }
    }

    private static void discard(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // already broken
            }
        }
    }

    /** The queue id a server gives in its 250 answer ("250 2.0.0 Ok: queued as 4C1F2"), or the answer itself. */
    static String queueId(String answer) {
        if (answer == null) {
            return null;
        }
        String text = answer.strip();
        int queued = text.toLowerCase(Locale.ROOT).indexOf("queued as ");
        if (queued >= 0) {
            String rest = text.substring(queued + "queued as ".length()).strip();
            int end = rest.indexOf(' ');
            return end < 0 ? rest : rest.substring(0, end);
        }
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    MimeMessage message(Outbound outbound) throws MessagingException {
        InternetAddress from = new InternetAddress(outbound.from(), true);
        InternetAddress to = new InternetAddress(outbound.to(), true);
        String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        String messageId = "<" + outbound.id() + "@" + domain + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // the message's own, the same on every attempt
            }
        };
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, new Address[] {to});
        message.setSubject(outbound.subject() == null ? "" : outbound.subject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        for (Map.Entry<String, String> header : outbound.headers().entrySet()) {
            if (!OWN_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                message.addHeader(header.getKey(), header.getValue());
            }
        }
        message.setText(outbound.body() == null ? "" : outbound.body(), "UTF-8");
        message.saveChanges();
        if (dkim != null) {
            sign(message);
        }
        return message;
    }

    /** Adds the DKIM signature over the message exactly as it will be written (its headers and encoded body). */
    private void sign(MimeMessage message) throws MessagingException {
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        try {
            message.writeTo(written);
        } catch (java.io.IOException e) {
            throw new MessagingException("the message could not be written for its DKIM signature", e);
        }
        byte[] bytes = crlf(written.toByteArray()); // as the transport sends it: every line ended by CRLF
        int end = indexOf(bytes, new byte[] {'\r', '\n', '\r', '\n'});
        if (end < 0) {
            throw new MessagingException("the message has no body to sign");
        }
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String line : new String(bytes, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\r\n" + line); // a folded header goes on
            } else {
                lines.add(line);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        message.addHeader("DKIM-Signature", dkim.sign(lines, body, clock.instant()));
    }

    /** Every line end (LF, CR or CRLF) made CRLF, as SMTP carries a message. */
    static byte[] crlf(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length + bytes.length / 40);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] target) {
        outer:
        for (int i = 0; i + target.length <= bytes.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (bytes[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override public void close() {
        senders.shutdown();
        try {
            senders.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Transport transport; (transport = idle.poll()) != null; ) {
            discard(transport);
        }
    }
}
