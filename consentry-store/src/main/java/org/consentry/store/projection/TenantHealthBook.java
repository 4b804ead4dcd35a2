package org.consentry.store.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.ledger.CallsReported;
import org.consentry.ledger.EmailFeedbackRecorded;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.OptedOut;
import org.consentry.ledger.SendCommitted;
import org.consentry.ledger.SpamReported;
import org.consentry.policy.Channel;
import org.consentry.store.ledger.LedgerListener;

/**
 * What a tenant's ledger says about how its traffic is received, over the last 24 hours, 7 days and 30 days:
 * calls attempted, answered and short (the answer-seizure and short-call ratios, from call detail records), email
 * sent, complaints and hard bounces, spam reports, opt-outs. A tenant that calls numbers nobody answers, or whose
 * recipients complain, is abusing the network; the thresholds are the ones providers apply.
 */
public final class TenantHealthBook implements LedgerListener {

    /** An answer-seizure ratio under this, over at least {@link #MIN_CALLS} calls, is a breach. */
    public static final double MIN_ASR = 0.60;
    /** A short-call ratio over this (answered calls under {@link #SHORT_CALL_SECONDS}), over at least {@link #MIN_CALLS} calls, is a breach. */
    public static final double MAX_SCR = 0.15;
    public static final int SHORT_CALL_SECONDS = 6;
    public static final int MIN_CALLS = 100;
    /** Gmail's and Yahoo's bulk sender requirements (2024): spam complaints under 0.3% of email delivered. */
    public static final double MAX_COMPLAINT_RATE = 0.003;
    public static final Duration LONGEST = Duration.ofDays(30);
    private static final Map<String, Duration> WINDOWS = windows();

    private static Map<String, Duration> windows() {
        Map<String, Duration> windows = new LinkedHashMap<>();
        windows.put("24h", Duration.ofHours(24));
        windows.put("7d", Duration.ofDays(7));
        windows.put("30d", LONGEST);
        return windows;
    }

    /** One thing that happened, when; for calls whether answered and for how long. */
    private record Mark(Instant at, String what, boolean answered, long seconds) {
    }

    private final Map<String, List<Mark>> byTenant = new ConcurrentHashMap<>();

    @Override public void apply(LedgerEntry entry) {
        LedgerEvent event = entry.event();
        if (event instanceof CallsReported reported) {
            for (CallsReported.Call call : reported.calls()) {
                add(entry.tenant(), new Mark(call.startedAt(), "call", call.answered(), call.durationSeconds()));
            }
        } else if (event instanceof EmailFeedbackRecorded report) {
            if (report.kind() == EmailFeedbackRecorded.Kind.COMPLAINT) {
                add(entry.tenant(), new Mark(report.at(), "complaint", false, 0));
            } else if (report.kind() == EmailFeedbackRecorded.Kind.HARD_BOUNCE) {
                add(entry.tenant(), new Mark(report.at(), "hard_bounce", false, 0));
            }
        } else if (event instanceof SpamReported report) {
            add(entry.tenant(), new Mark(report.at(), "spam_report", false, 0));
        } else if (event instanceof OptedOut optedOut) {
            add(entry.tenant(), new Mark(optedOut.at(), "opt_out", false, 0));
        } else if (event instanceof SendCommitted sent && sent.channel() == Channel.EMAIL) {
            add(entry.tenant(), new Mark(sent.sendAt(), "email", false, 0));
        }
    }

    private void add(String tenant, Mark mark) {
        List<Mark> marks = byTenant.computeIfAbsent(tenant, t -> new ArrayList<>());
        synchronized (marks) {
            marks.add(mark);
            Instant horizon = mark.at().minus(LONGEST).minus(LONGEST);
            if (marks.size() % 4_096 == 0) {
                marks.removeIf(old -> old.at().isBefore(horizon));
            }
        }
    }

    /** The tenant's health at {@code now}: per window, the counts, the ratios and whether each breaches its threshold. */
    public Map<String, Object> health(String tenant, Instant now) {
        List<Mark> marks = byTenant.getOrDefault(tenant, List.of());
        List<Mark> copy;
        synchronized (marks) {
            copy = new ArrayList<>(marks);
        }
        Map<String, Object> windows = new LinkedHashMap<>();
        List<Map<String, Object>> breaches = new ArrayList<>();
        for (Map.Entry<String, Duration> window : WINDOWS.entrySet()) {
            Instant from = now.minus(window.getValue());
            long attempted = 0;
            long answered = 0;
            long shortCalls = 0;
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String what : List.of("email", "complaint", "hard_bounce", "spam_report", "opt_out")) {
                counts.put(what, 0L);
            }
            for (Mark mark : copy) {
                if (mark.at().isBefore(from) || mark.at().isAfter(now)) {
                    continue;
                }
                if (mark.what().equals("call")) {
                    attempted++;
                    if (mark.answered()) {
                        answered++;
                        if (mark.seconds() < SHORT_CALL_SECONDS) {
                            shortCalls++;
                        }
                    }
                } else {
                    counts.merge(mark.what(), 1L, Long::sum);
                }
            }
            Map<String, Object> calls = new LinkedHashMap<>();
            calls.put("attempted", attempted);
            calls.put("answered", answered);
            calls.put("short", shortCalls);
            Double asr = attempted == 0 ? null : (double) answered / attempted;
            Double scr = answered == 0 ? null : (double) shortCalls / answered;
            calls.put("asr", asr);
            calls.put("asr_status", status(attempted, asr, asr != null && asr < MIN_ASR));
            calls.put("scr", scr);
            calls.put("scr_status", status(attempted, scr, scr != null && scr > MAX_SCR));
            Map<String, Object> email = new LinkedHashMap<>();
            long sent = counts.get("email");
            email.put("sent", sent);
            email.put("complaints", counts.get("complaint"));
            email.put("hard_bounces", counts.get("hard_bounce"));
            Double complaintRate = sent == 0 ? null : (double) counts.get("complaint") / sent;
            email.put("complaint_rate", complaintRate);
            email.put("complaint_rate_status", complaintRate == null ? "no_sends" : complaintRate > MAX_COMPLAINT_RATE ? "breach" : "ok");
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("calls", calls);
            values.put("email", email);
            values.put("spam_reports", counts.get("spam_report"));
            values.put("opt_outs", counts.get("opt_out"));
            windows.put(window.getKey(), values);
            breach(breaches, window.getKey(), "asr", calls.get("asr_status"), asr, MIN_ASR);
            breach(breaches, window.getKey(), "scr", calls.get("scr_status"), scr, MAX_SCR);
            breach(breaches, window.getKey(), "complaint_rate", email.get("complaint_rate_status"), complaintRate, MAX_COMPLAINT_RATE);
        }
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("asr_min", MIN_ASR);
        thresholds.put("scr_max", MAX_SCR);
        thresholds.put("short_call_seconds", SHORT_CALL_SECONDS);
        thresholds.put("min_calls", MIN_CALLS);
        thresholds.put("complaint_rate_max", MAX_COMPLAINT_RATE);
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("tenant", tenant);
        health.put("at", now.toString());
        health.put("windows", windows);
        health.put("thresholds", thresholds);
        health.put("breaches", breaches);
        return health;
    }

    private static String status(long calls, Double ratio, boolean breach) {
        if (ratio == null || calls < MIN_CALLS) {
            return "insufficient_sample";
        }
        return breach ? "breach" : "ok";
    }

    private static void breach(List<Map<String, Object>> breaches, String window, String metric, Object status, Double value, double threshold) {
        if ("breach".equals(status)) {
            Map<String, Object> breach = new LinkedHashMap<>();
            breach.put("window", window);
            breach.put("metric", metric);
            breach.put("value", value);
            breach.put("threshold", threshold);
            breaches.add(breach);
        }
    }
}
