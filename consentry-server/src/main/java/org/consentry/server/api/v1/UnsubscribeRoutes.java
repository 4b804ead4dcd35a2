package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.consentry.feedback.FeedbackFormatException;
import org.consentry.feedback.FeedbackParser;
import org.consentry.server.http.ApiProblem;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Html;
import org.consentry.server.http.JsonBody;
import org.consentry.store.inbound.EmailUnsubscribes;
import org.consentry.store.inbound.EmailUnsubscribes.Claim;
import org.consentry.store.inbound.EmailUnsubscribes.Scope;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.tenant.TenantProfile;

/**
 * Email unsubscribe links. A tenant asks for the link and headers of a message ({@code POST /v1/unsubscribe-links});
 * a mail client's one-click POST (RFC 8058) unsubscribes with no further interaction; a person who opens the link
 * gets a page with a choice (this list, or all email from the sender) and a button, and only the button's POST
 * unsubscribes: a GET never changes anything, so link scanners and previews cannot unsubscribe anyone.
 */
final class UnsubscribeRoutes {

    private final Authenticator auth;
    private final EmailUnsubscribes unsubscribes;
    private final TenantDirectory directory;
    private final Addresses addresses;
    private final ObjectMapper json;
    private final Clock clock;
    private final String publicUrl;
    private final String mailto;
    private final FeedbackParser parser = new FeedbackParser();

    /**
     * @param publicUrl the server's address as recipients reach it (CONSENTRY_PUBLIC_URL), or null: then the
     *                  address the request came in on
     * @param mailto    a mailbox for unsubscribe mail (CONSENTRY_UNSUBSCRIBE_MAILTO), or null for https links only
     */
    UnsubscribeRoutes(Authenticator auth, EmailUnsubscribes unsubscribes, TenantDirectory directory, Addresses addresses,
                      ObjectMapper json, Clock clock, String publicUrl, String mailto) {
        this.auth = auth;
        this.unsubscribes = unsubscribes;
        this.directory = directory;
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.mailto = mailto;
    }

    void register(org.consentry.server.http.Endpoints endpoints) {
        endpoints.post("/v1/unsubscribe-links", this::link);
        endpoints.get("/u/{token}", this::page);
        endpoints.post("/u/{token}", this::unsubscribe);
        endpoints.post("/v1/feedback/unsubscribe", this::mailed);
    }

    /**
     * An unsubscribe request mailed to the List-Unsubscribe mailbox ({@code CONSENTRY_UNSUBSCRIBE_MAILTO}), the whole
     * message as {@code message/rfc822}, posted by the provider (admin key) as its mailbox receives it: the token in
     * the subject names the recipient and the list, and it is honoured as the one-click link would be. 202.
     */
    private void mailed(Context ctx) {
        auth.admin(ctx);
        String token;
        try {
            token = parser.parseUnsubscribe(ctx.bodyAsBytes());
        } catch (FeedbackFormatException e) {
            throw ApiProblem.invalid(e.field(), e.getMessage());
        }
        Optional<Claim> claim = unsubscribes.verify(token);
        if (claim.isEmpty()) {
            throw ApiProblem.invalid("Subject", "the unsubscribe token is not one this server signed (altered, or from another server)");
        }
        EmailUnsubscribes.Result result = unsubscribes.unsubscribe(claim.get(), Scope.LIST, clock.instant(), "email:mailto");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tenant", claim.get().tenant());
        answer.put("address", claim.get().address());
        answer.put("list", claim.get().list());
        answer.put("scope", result.scope() == Scope.ALL ? "all" : "list");
        answer.put("changed", result.changed());
        ctx.status(202).json(answer);
    }

    private void link(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        String raw = body.string("address", 320);
        String address = raw == null ? null : addresses.email(body, "address", raw);
        String list = body.optionalString("list", 200);
        if (list != null && (list.indexOf('\n') >= 0 || list.indexOf('\r') >= 0)) {
            body.reject("list", "must be one line");
        } else if (list != null && list.isBlank()) {
            body.reject("list", "must not be blank; leave it out to unsubscribe from all of the account's email");
        }
        body.finish();
        EmailUnsubscribes.Headers headers = unsubscribes.headers(new Claim(tenant.id(), address, list), Html.base(ctx, publicUrl), mailto);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("address", address);
        answer.put("list", list);
        answer.put("url", headers.url());
        answer.put("list_unsubscribe", headers.listUnsubscribe());
        answer.put("list_unsubscribe_post", headers.listUnsubscribePost());
        ctx.status(201).json(answer);
    }

    private void page(Context ctx) {
        Optional<Claim> claim = unsubscribes.verify(ctx.pathParam("token"));
        if (claim.isEmpty()) {
            notFound(ctx);
            return;
        }
        String brand = brand(claim.get());
        StringBuilder form = new StringBuilder();
        form.append("<form method=\"post\">\n");
        if (claim.get().list() != null) {
            form.append("<fieldset>\n<legend>Unsubscribe ").append(Html.escape(Html.masked(claim.get().address()))).append(" from</legend>\n")
                .append("<p><input type=\"radio\" id=\"scope-list\" name=\"scope\" value=\"list\" checked> <label for=\"scope-list\">")
                .append("the list \u201c").append(Html.escape(claim.get().list())).append("\u201d only</label></p>\n")
                .append("<p><input type=\"radio\" id=\"scope-all\" name=\"scope\" value=\"all\"> <label for=\"scope-all\">")
                .append("all email from ").append(Html.escape(brand)).append("</label></p>\n</fieldset>\n");
        } else {
            form.append("<p>Unsubscribe ").append(Html.escape(Html.masked(claim.get().address()))).append(" from all email from ")
                .append(Html.escape(brand)).append(".</p>\n<input type=\"hidden\" name=\"scope\" value=\"all\">\n");
        }
        form.append("<button type=\"submit\">Unsubscribe</button>\n</form>\n");
        Html.send(ctx, 200, Html.page("Unsubscribe from " + brand, form.toString()));
    }

    private void unsubscribe(Context ctx) {
        Optional<Claim> claim = unsubscribes.verify(ctx.pathParam("token"));
        if (claim.isEmpty()) {
            notFound(ctx);
            return;
        }
        if (!Html.formRead(ctx, "Open the unsubscribe link from the message again.")) {
            return;
        }
        String oneClick = ctx.formParam("List-Unsubscribe");
        boolean byMailClient = "One-Click".equals(oneClick);
        Scope scope = "all".equals(ctx.formParam("scope")) ? Scope.ALL : Scope.LIST;
        EmailUnsubscribes.Result result = unsubscribes.unsubscribe(claim.get(), scope, clock.instant(),
                byMailClient ? "email:one-click" : "email:unsubscribe-page");
        String brand = brand(claim.get());
        String what = result.scope() == Scope.ALL ? "all email from " + brand : "the list \u201c" + claim.get().list() + "\u201d of " + brand;
        String text = "<p>" + Html.escape(Html.masked(claim.get().address())) + (result.changed() ? " is unsubscribed from " : " was already unsubscribed from ")
                + Html.escape(what) + ".</p>\n";
        Html.send(ctx, 200, Html.page("Unsubscribed", text));
    }

    private String brand(Claim claim) {
        return directory.tenant(claim.tenant()).map(TenantProfile::brand).orElse("this sender");
    }

    private static void notFound(Context ctx) {
        Html.send(ctx, 404, Html.page("Link not valid", "<p>This unsubscribe link is not valid. Use the link in the email you received.</p>\n"));
    }
}
