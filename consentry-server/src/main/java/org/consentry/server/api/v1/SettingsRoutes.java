package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.JsonBody;
import org.consentry.store.tenant.Tenants;
import org.consentry.tenant.TenantProfile;
import org.consentry.tenant.TenantSettings;

/** A tenant's policy settings. A PUT changes the settings it names and keeps the others. */
final class SettingsRoutes {

    private final Authenticator auth;
    private final Tenants tenants;
    private final ObjectMapper json;

    SettingsRoutes(Authenticator auth, Tenants tenants, ObjectMapper json) {
        this.auth = auth;
        this.tenants = tenants;
        this.json = json;
    }

    void register(Endpoints endpoints) {
        endpoints.put("/v1/settings", this::put);
        endpoints.get("/v1/settings", ctx -> ctx.json(Representations.settings(auth.tenant(ctx).settings())));
    }

    private void put(Context ctx) {
        TenantProfile tenant = auth.tenant(ctx);
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes(), json);
        TenantSettings current = tenant.settings();
        boolean sms = current.doubleOptInSms();
        boolean email = current.doubleOptInEmail();
        JsonBody doubleOptIn = body.object("double_opt_in");
        if (doubleOptIn != null) {
            sms = doubleOptIn.bool("sms", sms);
            email = doubleOptIn.bool("email", email);
        }
        body.finish();
        TenantProfile updated = tenants.updateSettings(tenant.id(), new TenantSettings(sms, email));
        ctx.json(Representations.settings(updated.settings()));
    }
}
