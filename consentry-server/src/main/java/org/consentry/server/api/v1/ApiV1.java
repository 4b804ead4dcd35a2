package org.consentry.server.api.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.consentry.jurisdiction.Subdivisions;
import org.consentry.policy.PolicyEngine;
import org.consentry.server.ServerConfig;
import org.consentry.server.http.Authenticator;
import org.consentry.server.http.Endpoints;
import org.consentry.server.http.Metrics;
import org.consentry.store.Store;
import org.consentry.store.inbound.EmailFeedback;

/** Every endpoint of version 1, over one store. */
public final class ApiV1 {

    /** The routes whose requests take effect, which answer once per {@code Idempotency-Key}. */
    static final java.util.Set<String> IDEMPOTENT = java.util.Set.of("/v1/checks", "/v1/checks/batch", "/v1/consents",
            "/v1/consents/{id}/revoke", "/v1/consents/import", "/v1/opt-outs", "/v1/contacts", "/v1/relationships", "/v1/inbound/sms");

    private ApiV1() {
    }

    public static void register(Endpoints endpoints, Store store, PolicyEngine engine, ObjectMapper json, Clock clock,
                                ServerConfig config, Metrics metrics, org.consentry.delivery.Sends sends,
                                org.consentry.delivery.Dispatcher dispatcher) {
        Authenticator auth = new Authenticator(store.adminKeys(), store.directory(), store.proofRequests(), clock);
        Addresses addresses = new Addresses(store.phones(), store.emails());
        StateField states = new StateField(Subdivisions.load(), store.phones());
        SenderReader senders = new SenderReader(addresses);
        endpoints.idempotent(new org.consentry.server.http.Idempotency(store.idempotency(), ctx -> auth.tenant(ctx).id(),
                new org.consentry.server.http.Problems(json), clock), IDEMPOTENT);
        new OperationsRoutes(store.ledger(), store.providerLists(), metrics).register(endpoints);
        new TenantRoutes(auth, store.tenants(), senders, json).register(endpoints);
        new SenderRoutes(auth, store.tenants(), store.directory(), senders, json).register(endpoints);
        new SettingsRoutes(auth, store.tenants(), json, store.webhookKey()).register(endpoints);
        new ApiKeyRoutes(auth, store.tenants(), store.directory(), json).register(endpoints);
        new ConsentRoutes(auth, store.consents(), store.contacts(), addresses, json, clock, store.confirmationLinks(), config.publicUrl()).register(endpoints);
        new OptOutRoutes(auth, store.optOuts(), addresses, json, clock).register(endpoints);
        new RegistryRoutes(auth, store.internalDnc(), store.providerData(), addresses, json, clock).register(endpoints);
        new ProviderRoutes(auth, store.providerData(), addresses, json, clock).register(endpoints);
        new ContactRoutes(auth, store.contactRecords(), store.providerData(), addresses, json, clock, states).register(endpoints);
        new InboundRoutes(auth, store.replies(), store.directory(), addresses, json, clock).register(endpoints);
        new CheckRoutes(auth, store.facts(), engine, store.ledger(), store.recipientLocks(), store.ids(), json, clock, states, metrics).register(endpoints);
        new MessageRoutes(auth, sends, dispatcher, store.outbox(), store.ids(), json, clock, states, metrics, store.unsubscribes(),
                store.emails(), config.publicUrl(), config.unsubscribeMailto()).register(endpoints);
        new EvidenceRoutes(auth, store.ledger(), addresses, store.evidenceKeys(), clock).register(endpoints);
        new UnsubscribeRoutes(auth, store.unsubscribes(), store.directory(), addresses, json, clock, config.publicUrl(),
                config.unsubscribeMailto()).register(endpoints);
        new FeedbackRoutes(auth, new EmailFeedback(store.directory(), store.contacts(), store.ledger(), store.unsubscribes(),
                config.softBounceLimit()), clock).register(endpoints);
        new ProofRequestRoutes(auth, store.proofRequests(), store.ledger(), store.evidenceKeys(), addresses, json, clock).register(endpoints);
        new PermissionPassRoutes(auth, store.consents(), store.directory(), json).register(endpoints);
        new ConfirmationRoutes(store.confirmationLinks(), store.consents(), store.directory(), clock).register(endpoints);
        new ConsentImportRoutes(auth, store.consents(), addresses, clock).register(endpoints);
        new HealthRoutes(auth, store.directory(), store.health(), store.ledger(), addresses, json, clock).register(endpoints);
        new SpamReportRoutes(store.spamReports(), addresses, clock).register(endpoints);
        new ErasureRoutes(auth, store.erasures(), addresses).register(endpoints);
        new FormRoutes(auth, store.forms(), store.directory(), store.phones(), store.emails(), json, clock, config.publicUrl()).register(endpoints);
        new ScrubRoutes(auth, store.scrubber(), clock).register(endpoints);
        new TracebackRoutes(auth, store.directory(), store.ledger(), addresses).register(endpoints);
    }
}
