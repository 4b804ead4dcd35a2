package org.consentry.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentMethod;
import org.consentry.consent.ConsentStatus;
import org.consentry.consent.ContactState;
import org.consentry.consent.OptOut;
import org.consentry.policy.Channel;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.OptOutScope;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;
import org.consentry.recipient.RecipientResolver;
import org.consentry.tenant.SenderStatus;
import org.consentry.tenant.TenantProfile;
import org.consentry.tenant.TenantSettings;
import org.consentry.tenant.TenantStatus;

/**
 * Facts for a request, built the way the store would give them: by default an active tenant, a verified
 * sender, and an active consent for the request's channel and purpose captured a month before.
 */
public final class TestFacts {

    private static final RecipientResolver RESOLVER = new RecipientResolver();
    public static final Instant CAPTURED = Instant.parse("2026-02-01T12:00:00Z");

    private TenantProfile tenant = activeTenant();
    private SenderStatus sender = SenderStatus.VERIFIED;
    private final List<Consent> consents = new ArrayList<>();
    private final Map<OptOutScope, OptOut> optOuts = new EnumMap<>(OptOutScope.class);
    private Instant internalDncSince;
    private final Set<FactSource> unavailable = EnumSet.noneOf(FactSource.class);
    private boolean defaultConsent = true;

    private TestFacts() {
    }

    public static TestFacts facts() {
        return new TestFacts();
    }

    public static TenantProfile activeTenant() {
        return new TenantProfile("ten_acme", "Acme Inc.", "Acme", "retail", "US", "1 Main St, Miami FL 33101",
                "help@acme.example", TenantStatus.ACTIVE, null, TenantSettings.DEFAULTS);
    }

    public TestFacts tenantStatus(TenantStatus status, String reason) {
        this.tenant = tenant.withStatus(status, reason);
        return this;
    }

    public TestFacts sender(SenderStatus status) {
        this.sender = status;
        return this;
    }

    /** No consent at all unless one is added. */
    public TestFacts noConsent() {
        this.defaultConsent = false;
        return this;
    }

    public TestFacts consent(Channel channel, Purpose purpose, ConsentStatus status) {
        this.defaultConsent = false;
        Consent consent = Consent.recorded("con_" + (consents.size() + 1), channel, purpose, ConsentMethod.WEB_FORM,
                status == ConsentStatus.REVOKED ? ConsentStatus.ACTIVE : status, CAPTURED);
        consents.add(status == ConsentStatus.REVOKED ? consent.revoked(CAPTURED.plusSeconds(86_400), false) : consent);
        return this;
    }

    public TestFacts consentCapturedAt(Channel channel, Purpose purpose, Instant capturedAt) {
        this.defaultConsent = false;
        consents.add(Consent.recorded("con_" + (consents.size() + 1), channel, purpose, ConsentMethod.WEB_FORM,
                ConsentStatus.ACTIVE, capturedAt));
        return this;
    }

    public TestFacts optedOut(OptOutScope scope) {
        optOuts.put(scope, new OptOut(scope, Instant.parse("2026-03-01T10:00:00Z"), "sms:STOP"));
        return this;
    }

    public TestFacts onInternalDnc() {
        this.internalDncSince = Instant.parse("2026-02-15T09:00:00Z");
        return this;
    }

    public TestFacts unavailable(FactSource source) {
        unavailable.add(source);
        return this;
    }

    public Facts of(SendRequest request) {
        List<Consent> all = new ArrayList<>(consents);
        if (defaultConsent && request.purpose().isConsentable()) {
            all.add(Consent.recorded("con_default", request.channel(), request.purpose(), ConsentMethod.WEB_FORM,
                    ConsentStatus.ACTIVE, CAPTURED));
        }
        return new Facts(RESOLVER.resolve(request.channel(), request.to(), request.country()), tenant, sender,
                new ContactState(all, optOuts, internalDncSince), unavailable);
    }
}
