package org.consentry.server.api.v1;

import io.javalin.http.Context;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * an address column is refused (422) before anything is answered; once rows stream, a malformed row further
 * on can only cut the answer short.
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
        String country = ctx.queryParam("country") == null ? "US" : ctx.queryParam("country").strip().toUpperCase(Locale.ROOT);
        if (!Addresses.isRegion(country)) {
            errors.add(new FieldError("country", "must be an ISO 3166 country code such as US (the region of numbers written without +)"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        ListScrubber.Request request = new ListScrubber.Request(tenant, channel, purpose, at, country, column);
        Reader body = new BufferedReader(new InputStreamReader(ctx.req().getInputStream(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        try {
            if ("csv".equals(output)) {
                ctx.status(200).contentType("text/csv; charset=utf-8");
                ctx.header("Cache-Control", "no-store");
                Writer out = new LazyWriter(ctx);
                scrubber.scrub(body, out, request, rows -> { });
                out.flush();
                return;
            }
            ScrubSummary summary = scrubber.scrub(body, Writer.nullWriter(), request, rows -> { });
            if ("summary".equals(output)) {
                ctx.contentType("application/json").result(summary.toJson());
            } else {
                ctx.contentType("text/html; charset=utf-8").result(ScrubReport.html(summary, "list of " + tenant.brand(),
                        channel.wireName() + " " + purpose.wireName() + " at " + at));
            }
        } catch (ScrubException e) {
            throw ApiProblem.invalid(e.getMessage().startsWith("no column named") ? "column" : "body", e.getMessage());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiProblem.invalid("body", "the list is not UTF-8 text");
        }
    }

    /**
     * Opens the response only when the first row is written, so that a list refused for its header still
     * gets its problem answer.
     */
    private static final class LazyWriter extends Writer {
        private final Context ctx;
        private Writer out;

        LazyWriter(Context ctx) {
            this.ctx = ctx;
        }

        private Writer out() throws IOException {
            if (out == null) {
                out = new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8);
            }
            return out;
        }

        @Override public void write(char[] buffer, int offset, int length) throws IOException {
            out().write(buffer, offset, length);
        }

        @Override public void write(String text) throws IOException {
            out().write(text);
        }

        @Override public Writer append(CharSequence text) throws IOException {
            out().append(text);
            return this;
        }

        @Override public void flush() throws IOException {
            if (out != null) {
                out.flush();
            }
        }

        @Override public void close() throws IOException {
            flush();
        }
    }
}
