package org.consentry.server.api.v1;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import org.consentry.store.RequestRefused;
import org.consentry.store.consent.ConfirmationLinks;
import org.consentry.store.consent.Consents;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.tenant.TenantProfile;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.Html;

/**
 * The email double opt-in link. Opening it ({@code GET /c/{token}}) shows a page with a button and confirms
 * nothing, so that mail scanners and link previews cannot confirm anyone; the button's POST confirms the pending
 * consent, recording the time, IP address and user agent as the confirmation's evidence. An expired, forged or
 * already used link says so.
 */
final class ConfirmationRoutes {

    private final ConfirmationLinks links;
    private final Consents consents;
    private final TenantDirectory directory;
    private final Clock clock;

    ConfirmationRoutes(ConfirmationLinks links, Consents consents, TenantDirectory directory, Clock clock) {
        this.links = links;
        this.consents = consents;
        this.directory = directory;
        this.clock = clock;
    }

    void register(Endpoints endpoints) {
        endpoints.get("/c/{token}", this::page);
        endpoints.post("/c/{token}", this::confirm);
    }

    private Optional<ConfirmationLinks.Claim> valid(Context ctx) {
        Optional<ConfirmationLinks.Claim> claim = links.verify(ctx.pathParam("token"));
        if (claim.isEmpty()) {
            Html.send(ctx, 404, Html.page("Link not valid", "<p>This confirmation link is not valid. Use the link in the email you received.</p>\n"));
            return Optional.empty();
        }
        if (clock.instant().isAfter(claim.get().expiresAt())) {
            Html.send(ctx, 410, Html.page("Link expired", "<p>This confirmation link has expired. Sign up again to receive a new one.</p>\n"));
            return Optional.empty();
        }
        return claim;
    }

    private void page(Context ctx) {
        Optional<ConfirmationLinks.Claim> claim = valid(ctx);
        if (claim.isEmpty()) {
            return;
        }
        String brand = brand(claim.get());
        Html.send(ctx, 200, Html.page("Confirm your subscription", "<p>Confirm that " + Html.escape(Html.masked(claim.get().address()))
                + " wants to receive email from " + Html.escape(brand) + ".</p>\n"
                + "<form method=\"post\">\n<button type=\"submit\">Confirm</button>\n</form>\n"));
    }

    private void confirm(Context ctx) {
        Optional<ConfirmationLinks.Claim> claim = valid(ctx);
        if (claim.isEmpty()) {
            return;
        }
        String brand = brand(claim.get());
        try {
            consents.confirm(claim.get().tenant(), claim.get().address(), claim.get().consentId(), clock.instant(), "email:confirmation-link",
                    Endpoints.client(ctx), ctx.userAgent() == null ? null : ctx.userAgent().substring(0, Math.min(1_000, ctx.userAgent().length())));
        } catch (RequestRefused refused) {
            Html.send(ctx, 409, Html.page("Nothing to confirm", "<p>This subscription is not waiting for confirmation: "
                    + Html.escape(refused.getMessage()) + ".</p>\n"));
            return;
        }
        Html.send(ctx, 200, Html.page("Subscription confirmed", "<p>Thank you. " + Html.escape(Html.masked(claim.get().address()))
                + " will receive email from " + Html.escape(brand) + ". Every email has a link to unsubscribe.</p>\n"));
    }

    private String brand(ConfirmationLinks.Claim claim) {
        return directory.tenant(claim.tenant()).map(TenantProfile::brand).orElse("this sender");
    }
}
