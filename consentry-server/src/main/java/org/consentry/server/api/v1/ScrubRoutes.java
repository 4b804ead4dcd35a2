package org.consentry.server.api.v1;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.server.http.ApiProblem;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.FieldError;
import org.consentry.store.scrub.ListScrubber;
import org.consentry.store.scrub.ScrubException;
import org.consentry.store.scrub.ScrubReport;
import org.consentry.store.scrub.ScrubSummary;
import org.consentry.tenant.TenantProfile;

/**
 * {@code POST /v1/scrubs}: a contact list (CSV) judged before a campaign. The answer streams back as the list
 * is read: the same CSV with {@code decision}, {@code reasons}, {@code not_before} and {@code e164} added, or,
 * with {@code output=summary}, the counts as JSON, or with {@code output=report} the HTML report. A list without
 * an address column is refused (400) before anything is answered; once rows stream, a malformed row further
 * on aborts the answer (the connection closes without the end of the chunked body), so that a cut list can never
 * pass for a whole one.
 */
final class ScrubRoutes {

    private final Authenticator auth;
    private final ListScrubber scrubber;
    private final Clock clock;

    ScrubRoutes(Authenticator auth, ListScrubber scrubber, Clock clock) {
        this.auth = auth;
        this.scrubber = scrubber;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.post("/v1/scrubs", this::scrub);
    }

    private void scrub(Context ctx) throws IOException {
        TenantProfile tenant = auth.tenant(ctx);
        List<FieldError> errors = new ArrayList<>();
        Channel channel = ConsentImportRoutes.channelParam(ctx, errors);
        String purposeName = ConsentImportRoutes.param(ctx, "purpose", 16, errors);
        Purpose purpose = purposeName == null ? null : Purpose.fromWire(purposeName).orElse(null);
        if (purposeName != null && purpose == null) {
            errors.add(new FieldError("purpose", "must be one of marketing, transactional, informational"));
        }
        Instant at = clock.instant();
        String atParam = ctx.queryParam("at");
        if (atParam != null) {
            try {
                at = Instant.parse(atParam.strip());
                String wrong = org.consentry.server.http.JsonBody.outOfRange(at);
                if (wrong != null) {
                    errors.add(new FieldError("at", wrong));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("at", "must be an instant such as 2026-03-16T14:30:00Z"));
            }
        }
        String output = ctx.queryParam("output") == null ? "csv" : ctx.queryParam("output").toLowerCase(Locale.ROOT);
        if (!List.of("csv", "summary", "report").contains(output)) {
            errors.add(new FieldError("output", "must be csv, summary or report"));
        }
        String column = ctx.queryParam("column");
        if (column != null && (column.isBlank() || column.length() > 200)) {
            errors.add(new FieldError("column", "must name a column of the header (at most 200 characters)"));
        }
        String country = ctx.queryParam("country") == null ? Addresses.regionOf(tenant) : ctx.queryParam("country").strip().toUpperCase(Locale.ROOT);
        if (!Addresses.isRegion(country)) {
            errors.add(new FieldError("country", "must be an ISO 3166 country code such as US (the region of numbers written without +)"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        boolean prerecorded = flag(ctx, "prerecorded", errors);
        boolean aiVoice = flag(ctx, "ai_voice", errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        ListScrubber.Request request = new ListScrubber.Request(tenant, channel, purpose, at, country, column, prerecorded, aiVoice);
        InputStream body = ctx.req().getInputStream();
        LazyOutput streamed = null;
        try {
            if ("csv".equals(output)) {
                ctx.status(200).contentType("text/csv; charset=utf-8");
                ctx.header("Cache-Control", "no-store");
                streamed = new LazyOutput(ctx);
                scrubber.scrub(body, streamed, request, rows -> { });
                streamed.flush();
                return;
            }
            ScrubSummary summary = scrubber.scrub(body, OutputStream.nullOutputStream(), request, rows -> { });
            if ("summary".equals(output)) {
                ctx.contentType("application/json").result(summary.toJson());
            } else {
                ctx.contentType("text/html; charset=utf-8").result(ScrubReport.html(summary, "list of " + tenant.brand(),
                        channel.wireName() + " " + purpose.wireName() + " at " + at));
            }
        } catch (ScrubException e) {
            abortIfStreaming(ctx, streamed, e);
            throw ApiProblem.invalid(e.getMessage().startsWith("no column named") ? "column" : "body", e.getMessage());
        } catch (IOException | RuntimeException e) {
            abortIfStreaming(ctx, streamed, e);
            throw e;
        }
    }

    private static boolean flag(Context ctx, String name, List<FieldError> errors) {
        String value = ctx.queryParam(name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        errors.add(new FieldError(name, "must be true or false"));
        return false;
    }

    /**
     * Once rows have gone out, a problem answer can no longer replace them: the response is aborted instead
     * (the connection closes before the chunked body ends), which every HTTP client reports as an error.
     */
    private static void abortIfStreaming(Context ctx, LazyOutput streamed, Exception failure) {
        if (streamed != null && streamed.started()) {
            org.eclipse.jetty.ee10.servlet.ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(failure);
            throw new org.consentry.server.http.ResponseAborted(failure);
        }
    }


    /**
     * Holds the first {@value #HOLD} bytes before opening the response, so that a list refused for its header or an
     * early row still gets its problem answer; past that it streams.
     */
    private static final class LazyOutput extends OutputStream {
        static final int HOLD = 1 << 16;

        private final Context ctx;
        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private OutputStream out;

        LazyOutput(Context ctx) {
            this.ctx = ctx;
        }

        boolean started() {
            return out != null;
        }

        private void spill() throws IOException {
            if (out == null) {
                out = ctx.res().getOutputStream();
            }
            held.writeTo(out);
            held.reset();
        }

        @Override public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override public void write(byte[] bytes, int offset, int length) throws IOException {
            if (out != null) {
                out.write(bytes, offset, length);
            } else {
                held.write(bytes, offset, length);
                if (held.size() > HOLD) {
                    spill();
                }
            }
        }

        @Override public void flush() throws IOException {
            if (out == null) {
                spill();
            }
            out.flush();
        }

        @Override public void close() throws IOException {
            flush();
        }
    }
}
