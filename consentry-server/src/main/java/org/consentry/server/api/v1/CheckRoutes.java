package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.SendCommitted;
import org.consentry.policy.PolicyEngine;
import org.consentry.policy.Reason;
import org.consentry.policy.SendRequest;
import org.consentry.policy.Verdict;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.Metrics;
import org.consentry.server.http.JsonBody;
import org.consentry.store.Ids;
import org.consentry.store.facts.LedgerFacts;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.ledger.RecipientLocks;
import org.consentry.tenant.TenantProfile;

/**
 * Checks: a send request in, a verdict out, always 200 (a block is an answer, not an error). With
 * {@code commit: true} an allowed send is recorded before the answer, so that it counts.
 */
final class CheckRoutes {

    static final int MAX_BATCH = 10_000;

    private final Authenticator auth;
    private final LedgerFacts facts;
    private final PolicyEngine engine;
    private final Ledger ledger;
    private final Ids ids;
    private final ObjectMapper json;
    private final Clock clock;
    private final RecipientLocks locks;
    private final StateField states;
    private final Metrics metrics;

    CheckRoutes(Authenticator auth, LedgerFacts facts, PolicyEngine engine, Ledger ledger, RecipientLocks locks, Ids ids, ObjectMapper json,
                Clock clock, StateField states, Metrics metrics) {
        this.metrics = metrics;
        this.locks = locks;
        this.states = states;
        this.auth = auth;
        this.facts = facts;
        this.engine = engine;
        this.ledger = ledger;
        this.ids = ids;
        this.json = json;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/checks", this::check);
        endpoints.post("/v1/checks/batch", this::batch);
    }

    private void check(Context ctx) throws Exception {
        TenantProfile tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        SendRequest request = SendRequestReader.read(body, clock.instant(), states, Addresses.regionOf(tenant));
        body.finish();
        Checked checked = evaluate(tenant, request);
        if (committing(checked)) {
            java.util.concurrent.locks.ReentrantLock rate = rateLock(tenant);
            if (rate != null) {
                rate.lock(); // before the recipient's: the plan's rate counts the tenant's sends to anyone
            }
            java.util.concurrent.locks.ReentrantLock lock = locks.of(tenant.id(), checked.address());
            lock.lock();
            try {
                checked = evaluate(tenant, request); // again, under the recipient's lock: with any send written meanwhile
                commit(tenant, List.of(checked));
            } finally {
                lock.unlock();
                if (rate != null) {
                    rate.unlock();
                }
            }
        }
        metrics.countVerdict(checked.verdict());
        ctx.contentType("application/json").result(json.writeValueAsBytes(checked.json()));
    }

    private static boolean committing(Checked checked) {
        return checked.request().commit() && checked.verdict().allowed();
    }

    /**
     * The tenant's lock when its plan has a rate, taken before any recipient's by whatever judges and writes its
     * committed sends; null for a tenant without a rate, whose sends to different recipients need not wait.
     */
    private java.util.concurrent.locks.ReentrantLock rateLock(TenantProfile tenant) {
        return tenant.plan().sendsPerMinute() > 0 ? locks.ofTenant(tenant.id()) : null;
    }

    private void batch(Context ctx) throws Exception {
        TenantProfile tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        Instant now = clock.instant();
        List<SendRequest> requests = new ArrayList<>();
        for (JsonBody item : body.objects("items", MAX_BATCH)) {
            requests.add(SendRequestReader.read(item, now, states, Addresses.regionOf(tenant)));
        }
        body.finish();
        List<Checked> results = new ArrayList<>(requests.size());
        Uncommitted uncommitted = new Uncommitted(tenant);
        boolean rateLimited = tenant.plan().sendsPerMinute() > 0;
        // held from the first judgement to the last write, before any recipient's lock
        java.util.concurrent.locks.ReentrantLock rate = requests.stream().anyMatch(SendRequest::commit) ? rateLock(tenant) : null;
        if (rate != null) {
            rate.lock();
        }
        try {
            for (int item = 0; item < requests.size(); item++) {
                SendRequest request = requests.get(item);
                Checked checked = evaluate(tenant, request);
                if (!uncommitted.isEmpty() && (rateLimited || uncommitted.holdsSendTo(checked.address()))) {
                    // the sends committed before it in the batch count for it (caps, duplicates, the plan's rate), as
                    // they would in separate calls: write them, then judge it again
                    uncommitted.write();
                    checked = evaluate(tenant, request);
                }
                if (committing(checked)) {
                    uncommitted.lock(checked.address());
                    checked = evaluate(tenant, request); // again, under the recipient's lock
                }
                results.add(checked);
                if (committing(checked)) {
                    uncommitted.add(checked, item);
                }
                if (uncommitted.holdsMany()) {
                    uncommitted.write(); // a large batch does not keep thousands of recipients' locks to its end
                }
            }
            uncommitted.write();
        } catch (RuntimeException e) {
            throw uncommitted.partly(e, ctx);
        } finally {
            uncommitted.release();
            if (rate != null) {
                rate.unlock();
            }
        }
        List<Map<String, Object>> answers = new ArrayList<>(results.size());
        for (Checked checked : results) {
            metrics.countVerdict(checked.verdict());
            answers.add(checked.json());
        }
        ctx.contentType("application/json").result(json.writeValueAsBytes(Map.of("results", answers)));
    }

    /**
     * A batch's allowed sends not yet written, and the recipients' locks it holds until they are. A recipient's lock
     * is only ever waited for while holding no other (the sends are written and their locks released first; the
     * tenant's lock, when its plan has a rate, is taken before them all), so two batches cannot wait for each other.
     */
    private final class Uncommitted {
        /** At most this many recipients' locks are held before the sends are written. */
        static final int MAX_HELD = 64;

        private final TenantProfile tenant;
        private final List<Checked> sends = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final java.util.Set<String> to = new java.util.HashSet<>();
        private final List<java.util.concurrent.locks.ReentrantLock> held = new ArrayList<>();
        /** The items written so far, as {@code items[i] (id)}. */
        private final List<String> written = new ArrayList<>();

        Uncommitted(TenantProfile tenant) {
            this.tenant = tenant;
        }

        boolean isEmpty() {
            return sends.isEmpty();
        }

        boolean holdsSendTo(String address) {
            return to.contains(address);
        }

        void lock(String address) {
            java.util.concurrent.locks.ReentrantLock lock = locks.of(tenant.id(), address);
            if (!lock.tryLock()) {
                write();
                lock.lock();
            }
            held.add(lock);
        }

        void add(Checked checked, int item) {
            sends.add(checked);
            names.add("items[" + item + "] (" + checked.id() + ")");
            to.add(checked.address());
        }

        boolean holdsMany() {
            return held.size() >= MAX_HELD;
        }

        /** Writes the sends, then lets their recipients go. */
        void write() {
            try {
                commit(tenant, sends);
                written.addAll(names);
                sends.clear();
                names.clear();
                to.clear();
            } finally {
                release();
            }
        }

        /**
         * The failure as the client must hear it: when some of the batch's sends were already written (they count
         * from now on), the problem names them, so that a retry sends only the others; otherwise the failure as is.
         */
        RuntimeException partly(RuntimeException failure, Context ctx) {
            if (written.isEmpty()) {
                return failure;
            }
            boolean store = failure instanceof org.consentry.store.ledger.StoreUnavailableException;
            if (store) {
                ctx.header("Retry-After", "1");
            }
            return new org.consentry.server.http.ApiProblem(store ? 503 : 500, "urn:consentry:problem:batch-partly-committed",
                    "The batch was committed in part", (store ? "a store did not answer (" + failure.getMessage() + ")" : "an unexpected failure")
                    + "; these items were committed before it and count: " + String.join(", ", written)
                    + "; no other item was written: retry only those", List.of());
        }

        void release() {
            for (java.util.concurrent.locks.ReentrantLock lock : held) {
                lock.unlock();
            }
            held.clear();
        }
    }

    private record Checked(String id, SendRequest request, Verdict verdict, String address,
                           org.consentry.content.MessageContent content) {
        Map<String, Object> json() {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", id);
            answer.put("decision", verdict.decision().wireName());
            answer.put("not_before", verdict.notBefore() == null ? null : verdict.notBefore().toString());
            answer.put("reasons", reasons(verdict.reasons()));
            answer.put("notices", reasons(verdict.notices()));
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("body", request.body());
            if (request.subject() != null) {
                message.put("subject", request.subject());
            }
            answer.put("message", message);
            if (request.commit()) {
                answer.put("committed", verdict.allowed());
            }
            return answer;
        }
    }

    private Checked evaluate(TenantProfile tenant, SendRequest asked) {
        SendRequest request = facts.complete(tenant, asked);
        var resolved = facts.resolve(tenant, request);
        return new Checked(ids.next("chk"), request, engine.evaluate(request, resolved), resolved.recipient().key(),
                resolved.content());
    }

    private void commit(TenantProfile tenant, List<Checked> checks) {
        List<LedgerEvent> sends = new ArrayList<>();
        for (Checked checked : checks) {
            SendRequest request = checked.request();
            if (request.commit() && checked.verdict().allowed()) {
                sends.add(SendCommitted.of(checked.id(), checked.address(), request, checked.content()));
            }
        }
        ledger.append(tenant.id(), sends);
    }

    static List<Map<String, Object>> reasons(List<Reason> reasons) {
        List<Map<String, Object>> list = new ArrayList<>(reasons.size());
        for (Reason reason : reasons) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("code", reason.code().name());
            json.put("effect", reason.effect().name().toLowerCase(java.util.Locale.ROOT));
            json.put("rule", reason.rule());
            json.put("message", reason.message());
            json.put("citation", reason.citation());
            json.put("evidence", reason.evidence());
            list.add(json);
        }
        return list;
    }
}
