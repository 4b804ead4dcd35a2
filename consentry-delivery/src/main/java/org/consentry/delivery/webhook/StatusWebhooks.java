package org.consentry.delivery.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.consentry.store.outbox.Outbox;
import org.consentry.store.outbox.StatusNotice;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.tenant.TenantProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each status of a message to its tenant's status webhook, signed ({@link WebhookSignature}), from the notices
 * the outbox keeps with the statuses. A post answered 2xx is done; any other answer, or none within 10 seconds, is
 * posted again after a backoff (10 s doubling, at most an hour) for about a day, then given up. Posts may repeat
 * (a crash between a 2xx and its record): {@code event_id} is the same each time, for the receiver to ignore repeats.
 */
public final class StatusWebhooks implements AutoCloseable {

    /** Posts after which a notice is given up. */
    static final int MAX_ATTEMPTS = 30;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int IN_FLIGHT = 64;
    private static final Duration IDLE = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(StatusWebhooks.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Outbox outbox;
    private final TenantDirectory tenants;
    private final byte[] serverKey;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Set<String> posting = ConcurrentHashMap.newKeySet();
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final org.consentry.delivery.DuePoller poller;

    public StatusWebhooks(Outbox outbox, TenantDirectory tenants, byte[] serverKey, Clock clock) {
        this.outbox = outbox;
        this.tenants = tenants;
        this.serverKey = serverKey.clone();
        this.clock = clock;
        this.poller = new org.consentry.delivery.DuePoller("consentry-status-webhooks", IDLE, "the status notices", this::postDue);
    }

    public StatusWebhooks start() {
        poller.start();
        return this;
    }

    /** Has the notices looked at now. */
    public void wake() {
        poller.wake();
    }

    /** Starts posting the notices due that no post holds; how many it started. */
    private int postDue() throws InterruptedException {
        int started = 0;
        for (StatusNotice notice : outbox.noticesDue(clock.instant(), IN_FLIGHT + posting.size())) {
            if (poller.closing()) {
                break;
            }
            if (posting.add(name(notice))) {
                slots.acquire();
                started++;
                post(notice).whenComplete((ignored, failure) -> {
                    posting.remove(name(notice));
                    slots.release();
                });
            }
        }
        return started;
    }

    private static String name(StatusNotice notice) {
        return notice.messageId() + '.' + notice.seq();
    }

    private CompletableFuture<Void> post(StatusNotice notice) {
        Optional<String> url = tenants.tenant(notice.tenant()).map(TenantProfile::settings).map(settings -> settings.statusWebhookUrl());
        if (url.isEmpty()) {
            outbox.noticeDone(notice); // the tenant no longer has a webhook
            return CompletableFuture.completedFuture(null);
        }
        byte[] body = body(notice);
        Instant now = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.get())).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Consentry-Webhooks/1")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(WebhookSignature.secretFor(serverKey, notice.tenant()), now, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            try {
                if (failure == null && response.statusCode() / 100 == 2) {
                    outbox.noticeDone(notice);
                } else {
                    later(notice, failure != null ? failure.toString() : "answered " + response.statusCode());
                }
            } catch (RuntimeException e) {
                log.error("the outcome of a status post for {} was not kept; it is posted again", notice.messageId(), e);
            }
            return null;
        });
    }

    private void later(StatusNotice notice, String why) {
        if (notice.attempts() + 1 >= MAX_ATTEMPTS) {
            log.warn("the status webhook of tenant {} failed {} times for {} ({}); given up", notice.tenant(), MAX_ATTEMPTS, name(notice), why);
            outbox.noticeDone(notice);
            return;
        }
        log.info("the status webhook of tenant {} failed for {} ({}); posted again later", notice.tenant(), name(notice), why);
        outbox.noticeLater(notice, clock.instant().plus(backoff(notice.attempts() + 1)));
    }

    /** 10 s after the first failed post, doubling, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int failures) {
        long seconds = FIRST_BACKOFF.toSeconds() << Math.min(failures - 1, 20);
        return seconds >= MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    /** {@code {event_id, type, message_id, status, at, to, channel, detail}}. */
    static byte[] body(StatusNotice notice) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_id", "evt_" + notice.messageId() + "_" + notice.seq());
        event.put("type", "message.status");
        event.put("message_id", notice.messageId());
        event.put("status", notice.status().status().wireName());
        event.put("at", notice.status().at().toString());
        event.put("to", notice.to());
        event.put("channel", notice.channel());
        try {
            event.put("detail", notice.status().detail() == null ? null : JSON.readTree(notice.status().detail()));
            return JSON.writeValueAsBytes(event);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a status notice could not be written", e);
        }
    }

    @Override public void close() {
        poller.close();
    }
}
