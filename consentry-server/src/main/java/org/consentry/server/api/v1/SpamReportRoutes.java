package org.consentry.server.api.v1;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import org.consentry.store.RequestRefused;
import org.consentry.store.inbound.SpamReports;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.Html;

/**
 * The spam-report page: a recipient says which number or address sent them an unwanted message, and what it said.
 * The report counts as a complaint against the tenant that owns the sender (shown in its health) and opts the
 * reporter out of that channel with the tenant. Reports are limited per reporter and per IP address, so that the
 * page cannot be used to flood a tenant's record. Plain HTML that works without JavaScript.
 */
final class SpamReportRoutes {

    static final int PER_REPORTER_PER_HOUR = 5;
    static final int PER_IP_PER_HOUR = 30;
    static final int MAX_TEXT = 1_600;

    private final SpamReports reports;
    private final Addresses addresses;
    private final Clock clock;
    private final HourlyLimit limit = new HourlyLimit();

    SpamReportRoutes(SpamReports reports, Addresses addresses, Clock clock) {
        this.reports = reports;
        this.addresses = addresses;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.get("/report", this::form);
        endpoints.post("/report", this::report);
    }

    private void form(Context ctx) {
        Html.send(ctx, 200, page(null, "", "", ""));
    }

    private static String page(String problem, String reporter, String sender, String text) {
        StringBuilder body = new StringBuilder();
        body.append("<p>Tell us about a text, call or email you did not want from a sender that uses this service. ")
            .append("We stop that sender from reaching you again and count the report against it.</p>\n");
        if (problem != null) {
            body.append("<p role=\"alert\"><strong>").append(Html.escape(problem)).append("</strong></p>\n");
        }
        body.append("<form method=\"post\">\n")
            .append("<p><label for=\"reporter\">Your phone number or email address</label><br>\n")
            .append("<input id=\"reporter\" name=\"reporter\" required autocomplete=\"tel email\" value=\"").append(Html.escape(reporter))
            .append("\"></p>\n")
            .append("<p><label for=\"sender\">The number or email address the message came from</label><br>\n")
            .append("<input id=\"sender\" name=\"sender\" required value=\"").append(Html.escape(sender)).append("\"></p>\n")
            .append("<p><label for=\"text\">What the message said (optional)</label><br>\n")
            .append("<textarea id=\"text\" name=\"text\" rows=\"5\" cols=\"40\" maxlength=\"").append(MAX_TEXT).append("\">")
            .append(Html.escape(text)).append("</textarea></p>\n")
            .append("<button type=\"submit\">Report spam</button>\n</form>\n");
        return Html.page("Report spam", body.toString());
    }

    private void report(Context ctx) {
        if (!Html.formRead(ctx, "Open the report page and send it from there.")) {
            return;
        }
        String rawReporter = trimmed(ctx.formParam("reporter"));
        String rawSender = trimmed(ctx.formParam("sender"));
        String text = trimmed(ctx.formParam("text"));
        if (rawReporter.isEmpty() || rawSender.isEmpty()) {
            Html.send(ctx, 400, page("Please give your number or email address, and the sender's.", rawReporter, rawSender, text));
            return;
        }
        if (rawReporter.length() > 320 || rawSender.length() > 320 || text.length() > MAX_TEXT) {
            Html.send(ctx, 400, page("That is too long: addresses up to 320 characters, the message up to " + MAX_TEXT + ".",
                    "", "", ""));
            return;
        }
        String reporter = addresses.either(rawReporter, "US");
        String sender = addresses.either(rawSender, "US");
        if (reporter == null || sender == null) {
            Html.send(ctx, 400, page(reporter == null ? "Your number or email address could not be read." : "The sender's number or address could not be read.",
                    rawReporter, rawSender, text));
            return;
        }
        Instant now = clock.instant();
        if (!limit.allow("reporter:" + reporter, PER_REPORTER_PER_HOUR, now) || !limit.allow("ip:" + Endpoints.client(ctx), PER_IP_PER_HOUR, now)) {
            ctx.header("Retry-After", "3600");
            Html.send(ctx, 429, Html.page("Too many reports", "<p>We have received several reports from you in the last hour. "
                    + "Please try again later.</p>\n"));
            return;
        }
        try {
            reports.report(reporter, sender, text.isEmpty() ? null : text, Endpoints.client(ctx), now);
        } catch (RequestRefused refused) {
            Html.send(ctx, 422, page(refused.getMessage(), rawReporter, rawSender, text));
            return;
        }
        Html.send(ctx, 200, Html.page("Thank you", "<p>Your report is recorded. " + Html.escape(sender)
                + " will not message " + Html.escape(reporter) + " through this service again.</p>\n"));
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
