package org.consentry.server.http;

import io.javalin.http.Context;
import java.time.Clock;
import org.consentry.store.consent.ProofRequests;
import org.consentry.store.keys.AdminKeys;
import org.consentry.store.keys.ApiKeys;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.tenant.TenantProfile;

/**
 * Reads the bearer key of a request. The admin key manages tenants and may act for any tenant by naming it
 * in {@code Consentry-Tenant}; a tenant key acts for its own tenant only (naming another in the header is 403). A missing
 * or wrong key is 401; a key used outside its scope is 403; a tenant that does not exist is 404 (to the admin).
 */
public final class Authenticator {

    public static final String TENANT_HEADER = "Consentry-Tenant";

    private final AdminKeys adminKeys;
    private final TenantDirectory directory;
    private final ProofRequests proofRequests;
    private final Clock clock;

    public Authenticator(AdminKeys adminKeys, TenantDirectory directory, ProofRequests proofRequests, Clock clock) {
        this.adminKeys = adminKeys;
        this.directory = directory;
        this.proofRequests = proofRequests;
        this.clock = clock;
    }

    public Caller caller(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiProblem.unauthorized("send 'Authorization: Bearer <key>'");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiProblem.unauthorized("the Authorization header must be 'Bearer <key>'");
        }
        String key = header.substring(7).strip();
        if (adminKeys.matches(key)) {
            return new Caller.Admin();
        }
        return directory.tenantForKeyHash(ApiKeys.hash(key))
                .<Caller>map(Caller.Tenant::new)
                .orElseThrow(() -> ApiProblem.unauthorized("the key is not valid"));
    }

    /** The SHA-256 of the request's bearer key, as key hashes are kept (null without one). */
    public String presentedKeyHash(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return ApiKeys.hash(header.substring(7).strip());
    }

    /** Requires the admin key. */
    public void admin(Context ctx) {
        if (!(caller(ctx) instanceof Caller.Admin)) {
            throw ApiProblem.forbidden("this endpoint needs the provider's admin key");
        }
    }

    /** The tenant a request acts for: the tenant key's own, or the one the admin names in Consentry-Tenant. */
    public TenantProfile tenant(Context ctx) {
        Caller caller = caller(ctx);
        String id;
        if (caller instanceof Caller.Tenant) {
            id = ((Caller.Tenant) caller).tenantId();
            String named = ctx.header(TENANT_HEADER);
            if (named != null && !named.isBlank() && !named.strip().equals(id)) {
                // acting for the key's own tenant instead would write into the wrong account; the same answer whether
                // the named tenant exists or not
                throw ApiProblem.forbidden("a tenant key acts for its own tenant only; Consentry-Tenant names another");
            }
        } else {
            id = ctx.header(TENANT_HEADER);
            if (id == null || id.isBlank()) {
                throw ApiProblem.invalid(TENANT_HEADER, "the admin key acts for a tenant named in the Consentry-Tenant header");
            }
        }
        TenantProfile tenant = directory.tenant(id.strip()).orElseThrow(() -> ApiProblem.notFound("no tenant " + id));
        if (proofRequests.overdue(tenant.id(), clock.instant())) {
            // an unanswered proof request suspends its tenant at the due time; the job that does it runs every 30 s, and a
            // check made in between must not find the tenant active
            proofRequests.expireOverdue(clock.instant());
            tenant = directory.tenant(tenant.id()).orElse(tenant);
        }
        return tenant;
    }

    /** The tenant the request acts for, or empty for the admin acting for no tenant in particular. */
    public java.util.Optional<TenantProfile> tenantIfAny(Context ctx) {
        Caller caller = caller(ctx);
        if (caller instanceof Caller.Admin && ctx.header(TENANT_HEADER) == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(tenant(ctx));
    }
}
