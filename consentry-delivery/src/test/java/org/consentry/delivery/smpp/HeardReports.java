package org.consentry.delivery.smpp;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.consentry.delivery.Reports;

/** Reports kept as they are heard, for the tests to look at. */
final class HeardReports implements Reports {

    record Heard(String connector, String providerId, Outcome outcome, String detail) {
    }

    record Reply(String from, String to, String body) {
    }

    final List<Heard> receipts = new CopyOnWriteArrayList<>();
    final List<Reply> replies = new CopyOnWriteArrayList<>();

    @Override public void receipt(String connector, String providerId, Outcome outcome, String detail, Instant at) {
        receipts.add(new Heard(connector, providerId, outcome, detail));
    }

    @Override public void reply(String from, String to, String body, Instant at) {
        replies.add(new Reply(from, to, body));
    }
}
