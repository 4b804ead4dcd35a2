package org.consentry.server.api.v1;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentry.feedback.FeedbackFormatException;
import org.consentry.feedback.FeedbackParser;
import org.consentry.feedback.FeedbackReport;
import org.consentry.server.http.ApiProblem;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.store.inbound.EmailFeedback;
import org.consentry.tenant.TenantProfile;

/**
 * Complaints and bounces as mail servers send them, the whole message as {@code message/rfc822}: ARF feedback
 * reports on {@code /v1/feedback/arf}, delivery status notifications on {@code /v1/feedback/dsn}. The provider
 * (admin key) posts what its feedback loops and bounce mailboxes receive; a tenant may post reports about its own
 * messages. 202: the report is recorded (or, for an auto-reply or a not-spam report, deliberately not).
 */
final class FeedbackRoutes {

    private final Authenticator auth;
    private final FeedbackParser parser = new FeedbackParser();
    private final EmailFeedback feedback;
    private final Clock clock;

    FeedbackRoutes(Authenticator auth, EmailFeedback feedback, Clock clock) {
        this.auth = auth;
        this.feedback = feedback;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/feedback/arf", ctx -> receive(ctx, true));
        endpoints.post("/v1/feedback/dsn", ctx -> receive(ctx, false));
    }

    private void receive(Context ctx, boolean arf) {
        Optional<String> caller = auth.tenantIfAny(ctx).map(TenantProfile::id);
        byte[] raw = ctx.bodyAsBytes();
        FeedbackReport report;
        try {
            report = arf ? parser.parseArf(raw) : parser.parseDsn(raw);
        } catch (FeedbackFormatException e) {
            throw ApiProblem.invalid(e.field(), e.getMessage());
        }
        EmailFeedback.Outcome outcome = feedback.record(report, caller, clock.instant());
        List<Map<String, Object>> recorded = new ArrayList<>();
        for (EmailFeedback.Recorded one : outcome.recorded()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("address", one.address());
            item.put("kind", one.kind().wireName());
            item.put("suppressed", one.suppressed());
            recorded.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("report", outcome.report());
        answer.put("tenant", outcome.tenant());
        answer.put("recorded", recorded);
        answer.put("why", outcome.why());
        ctx.status(202).json(answer);
    }
}
