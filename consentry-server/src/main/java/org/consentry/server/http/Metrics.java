package org.consentry.server.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.consentry.policy.Reason;
import org.consentry.policy.Verdict;

/**
 * What the server has answered since it started, in the Prometheus text format ({@code GET /metrics}): requests by
 * method, route (the path as registered, never the path asked, so that ids and addresses stay out) and status, their
 * time, and verdicts by decision and by reason code.
 */
public final class Metrics {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** A request no route answered: an unknown path, or one Jetty refused. */
    static final String UNMATCHED = "unmatched";

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> seconds = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> decisions = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();

    /** Counts a request once it is answered (Javalin's request logger). */
    public void countRequest(Context ctx, float milliseconds) {
        Object route = ctx.attribute(Endpoints.ROUTE);
        String labels = "method=\"" + ctx.method().name() + "\",route=\"" + (route == null ? UNMATCHED : route)
                + "\",status=\"" + ctx.statusCode() + "\"";
        requests.computeIfAbsent(labels, key -> new LongAdder()).increment();
        seconds.computeIfAbsent(labels, key -> new DoubleAdder()).add(milliseconds / 1000.0);
    }

    public void countVerdict(Verdict verdict) {
        decisions.computeIfAbsent(verdict.decision().name().toLowerCase(java.util.Locale.ROOT), key -> new LongAdder()).increment();
        for (Reason reason : verdict.reasons()) {
            reasons.computeIfAbsent(reason.code().name(), key -> new LongAdder()).increment();
        }
    }

    /** Every metric in the Prometheus text exposition format, version 0.0.4. */
    public String exposition(BooleanSupplier ledgerHealthy) {
        StringBuilder text = new StringBuilder();
        family(text, "consentry_http_requests_total", "counter", "HTTP requests answered, by method, route and status.");
        new TreeMap<>(requests).forEach((labels, count) -> sample(text, "consentry_http_requests_total", labels, count.sum()));
        family(text, "consentry_http_request_seconds_total", "counter", "Time spent answering HTTP requests, by method, route and status.");
        new TreeMap<>(seconds).forEach((labels, sum) -> sample(text, "consentry_http_request_seconds_total", labels, sum.sum()));
        family(text, "consentry_checks_total", "counter", "Verdicts given (POST /v1/checks and each item of a batch), by decision.");
        new TreeMap<>(decisions).forEach((decision, count) -> sample(text, "consentry_checks_total", "decision=\"" + decision + "\"", count.sum()));
        family(text, "consentry_check_reasons_total", "counter", "Reasons given in verdicts, by reason code.");
        new TreeMap<>(reasons).forEach((code, count) -> sample(text, "consentry_check_reasons_total", "code=\"" + code + "\"", count.sum()));
        family(text, "consentry_ledger_healthy", "gauge", "1 when the ledger accepts writes, 0 when it does not.");
        text.append("consentry_ledger_healthy ").append(ledgerHealthy.getAsBoolean() ? 1 : 0).append('\n');
        return text.toString();
    }

    private static void family(StringBuilder text, String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder text, String name, String labels, Number value) {
        text.append(name).append('{').append(labels).append("} ");
        if (value instanceof Double d) {
            text.append(d);
        } else {
            text.append(value.longValue());
        }
        text.append('\n');
    }
}
