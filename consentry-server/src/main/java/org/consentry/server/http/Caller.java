package org.consentry.server.http;

/** Who is calling: the provider's admin, or one tenant. */
public sealed interface Caller permits Caller.Admin, Caller.Tenant {

    record Admin() implements Caller {
    }

    record Tenant(String tenantId) implements Caller {
    }
}
