package org.consentry.store.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.ProofAnswered;
import org.consentry.ledger.ProofRequested;
import org.consentry.ledger.SubjectErased;
import org.consentry.ledger.TenantStatusChanged;
import org.consentry.store.Ids;
import org.consentry.store.RequestRefused;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.ledger.LedgerListener;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.tenant.TenantStatus;

/**
 * Proof-of-opt-in requests: the provider asks a tenant to prove an address's consent within 24 hours; the tenant
 * answers with the proof bundle or evidence of its own; a request still open at its due time suspends the tenant,
 * with the reason recorded. Requests live in the ledger, so that the check for overdue ones ({@link #expireOverdue})
 * finds them after a restart too.
 */
public final class ProofRequests implements LedgerListener {

    public static final Duration DUE_IN = Duration.ofHours(24);

    /** A request and how it stands. {@code outcome} is null while open; {@code address} is null once its person was erased. */
    public record Request(String id, String tenant, String address, Instant requestedAt, Instant dueAt, String outcome, String sha256) {
        public boolean open() {
            return outcome == null;
        }
    }

    private final Map<String, Request> byId = new ConcurrentHashMap<>();
    /** Each tenant's open requests by id, with their due time: what a request's tenant looks up on every call. */
    private final Map<String, Map<String, Instant>> openDue = new ConcurrentHashMap<>();
    private Ledger ledger;
    private TenantDirectory directory;
    private Ids ids;

    /** Connects the service side once the store is built (the projection side listens from the first replay). */
    public void connect(Ledger ledger, TenantDirectory directory, Ids ids) {
        this.ledger = ledger;
        this.directory = directory;
        this.ids = ids;
    }

    @Override public void apply(LedgerEntry entry) {
        LedgerEvent event = entry.event();
        if (event instanceof ProofRequested requested) {
            byId.put(requested.requestId(), new Request(requested.requestId(), entry.tenant(), requested.address(), entry.recordedAt(),
                    requested.dueAt(), null, null));
            openDue.computeIfAbsent(entry.tenant(), t -> new ConcurrentHashMap<>()).put(requested.requestId(), requested.dueAt());
        } else if (event instanceof ProofAnswered answered) {
            byId.computeIfPresent(answered.requestId(), (id, request) -> new Request(id, request.tenant(), request.address(),
                    request.requestedAt(), request.dueAt(), answered.outcome(), answered.sha256()));
            openDue.getOrDefault(entry.tenant(), Map.of()).remove(answered.requestId());
        } else if (event instanceof SubjectErased gone && gone.address() != null) {
            // the person was erased: their requests stay listed, without their address (a replay never reads it back)
            byId.replaceAll((id, request) -> request.tenant().equals(entry.tenant()) && gone.address().equals(request.address())
                    ? new Request(id, request.tenant(), null, request.requestedAt(), request.dueAt(), request.outcome(), request.sha256())
                    : request);
        }
    }

    public Request open(String tenant, String address, Instant now) {
        if (directory.tenant(tenant).isEmpty()) {
            throw new RequestRefused(RequestRefused.Kind.NOT_FOUND, "tenant", "no tenant " + tenant);
        }
        String id = ids.next("prf");
        synchronized (this) { // an erasure checks for open requests under the same lock (see Erasures)
            ledger.append(tenant, List.of(new ProofRequested(id, address, now.plus(DUE_IN))));
        }
        return byId.get(id);
    }

    /**
     * Runs {@code action} unless a request about the address is open, with no request opened meanwhile.
     *
     * @throws RequestRefused (conflict) naming the open request
     */
    public synchronized <T> T unlessOpen(String tenant, String address, java.util.function.Supplier<T> action) {
        for (Request request : of(tenant)) {
            if (request.open() && address.equals(request.address())) {
                throw new RequestRefused(RequestRefused.Kind.CONFLICT, "address", "a proof-of-opt-in request about " + address
                        + " (" + request.id() + ") is open until " + request.dueAt() + "; answer it before erasing the evidence");
            }
        }
        return action.get();
    }

    public List<Request> of(String tenant) {
        List<Request> requests = new ArrayList<>();
        for (Request request : byId.values()) {
            if (request.tenant().equals(tenant)) {
                requests.add(request);
            }
        }
        requests.sort(Comparator.comparing(Request::requestedAt).thenComparing(Request::id));
        return requests;
    }

    /**
     * @param outcome {@code bundle} or {@code uploaded}
     */
    public synchronized Request answer(String tenant, String id, String outcome, String sha256, String note, Instant now) {
        Request request = byId.get(id);
        if (request == null || !request.tenant().equals(tenant)) {
            throw new RequestRefused(RequestRefused.Kind.NOT_FOUND, "id", "no proof request " + id + " for this account");
        }
        if (!request.open()) {
            throw new RequestRefused(RequestRefused.Kind.CONFLICT, "id", "the proof request " + id + " is closed (" + request.outcome() + ")");
        }
        if (now.isAfter(request.dueAt())) {
            throw new RequestRefused(RequestRefused.Kind.CONFLICT, "id", "the proof request " + id + " was due at " + request.dueAt());
        }
        ledger.append(tenant, List.of(new ProofAnswered(id, request.address(), outcome, sha256, note)));
        return byId.get(id);
    }

    /** Whether a request of the tenant is still open after its due time: {@link #expireOverdue} has not run since. */
    public boolean overdue(String tenant, Instant now) {
        Map<String, Instant> open = openDue.get(tenant);
        if (open == null) {
            return false;
        }
        for (Instant due : open.values()) {
            if (now.isAfter(due)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closes every request past its due time that is still open, and suspends its tenant with the reason. Run at
     * start and then regularly; running it twice changes nothing more.
     *
     * @return the requests it expired
     */
    public List<Request> expireOverdue(Instant now) {
        List<Request> expired = new ArrayList<>();
        for (Request listed : List.copyOf(byId.values())) {
            if (!listed.open() || !now.isAfter(listed.dueAt())) {
                continue;
            }
            synchronized (this) { // an answer is decided and written under the same lock: a request is answered or expired, once
                Request request = byId.get(listed.id());
                if (request.open()) {
                    expire(request, expired);
                }
            }
        }
        return expired;
    }

    private void expire(Request request, List<Request> expired) {
        // the reason is kept in clear with the tenant: it names the request, never the person, who may be erased later
        String reason = "proof request " + request.id() + " was not answered by its due time " + request.dueAt();
        List<LedgerEvent> events = new ArrayList<>();
        events.add(new ProofAnswered(request.id(), request.address(), "expired", null, reason));
        boolean active = directory.tenant(request.tenant()).map(t -> t.status() == TenantStatus.ACTIVE).orElse(false);
        if (active) {
            events.add(new TenantStatusChanged(TenantStatus.SUSPENDED, reason));
        }
        ledger.append(request.tenant(), events);
        expired.add(byId.get(request.id()));
    }
}
