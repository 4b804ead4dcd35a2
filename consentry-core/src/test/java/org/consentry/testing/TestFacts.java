package org.consentry.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consentry.consent.AgreedFrequency;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentMethod;
import org.consentry.consent.ConsentStatus;
import org.consentry.consent.ContactDeclaration;
import org.consentry.consent.ContactState;
import org.consentry.consent.OptOut;
import org.consentry.consent.Relationship;
import org.consentry.consent.RelationshipKind;
import org.consentry.consent.SentMessage;
import org.consentry.content.ContentAnalyzer;
import org.consentry.content.MessageContent;
import org.consentry.policy.Channel;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.OptOutScope;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;
import org.consentry.recipient.LineType;
import org.consentry.recipient.Placement;
import org.consentry.recipient.RecipientResolver;
import org.consentry.registry.RegistryFacts;
import org.consentry.tenant.EmailDomains;
import org.consentry.tenant.SenderStatus;
import org.consentry.tenant.TenantActivity;
import org.consentry.tenant.TenantPlan;
import org.consentry.tenant.TenantProfile;
import org.consentry.tenant.TenantSettings;
import org.consentry.tenant.TenantStatus;

/**
 * Facts for a request, built the way the store would give them: by default an active tenant "Acme", a
 * verified sender and the verified email domain acme.example, an active written (web form) consent for the request's channel and purpose captured a
 * month before, a national registry copy a week old that does not list the number, and nothing else.
 */
public final class TestFacts {

    public static final RecipientResolver RESOLVER = RecipientResolver.load();
    public static final ContentAnalyzer CONTENT = ContentAnalyzer.load();
    public static final Instant CAPTURED = Instant.parse("2026-02-01T12:00:00Z");
    public static final Instant REGISTRY_AS_OF = Instant.parse("2026-03-07T00:00:00Z");

    private TenantProfile tenant = activeTenant();
    private SenderStatus sender = SenderStatus.VERIFIED;
    private Set<String> emailDomains = Set.of("acme.example");
    private final List<Consent> consents = new ArrayList<>();
    private final Map<OptOutScope, OptOut> optOuts = new EnumMap<>(OptOutScope.class);
    private final Map<String, org.consentry.consent.ListOptOut> listOptOuts = new java.util.HashMap<>();
    private org.consentry.consent.EmailRecord.Suppression emailSuppression;
    private Instant erasedAt;
    private Instant internalDncSince;
    private final Set<FactSource> unavailable = EnumSet.noneOf(FactSource.class);
    private boolean defaultConsent = true;
    private ConsentMethod defaultMethod = ConsentMethod.WEB_FORM;
    private String state;
    private String declaredCountry;
    private LineType lineType = LineType.UNKNOWN;
    private final List<Relationship> relationships = new ArrayList<>();
    private final List<SentMessage> sends = new ArrayList<>();
    private boolean onNationalDnc;
    private Instant nationalAsOf = REGISTRY_AS_OF;
    private boolean nationalCoversAreaCode = true;
    private final Set<String> stateLists = new java.util.HashSet<>();
    private boolean blocked;
    private Instant disconnectedAt;
    private final List<Instant> tenantSends = new ArrayList<>();
    private AgreedFrequency defaultFrequency;

    private TestFacts() {
    }

    public static TestFacts facts() {
        return new TestFacts();
    }

    public static TenantProfile activeTenant() {
        return new TenantProfile("ten_acme", "Acme Inc.", "Acme", "retail", "US", "1 Main St, Miami FL 33101",
                "help@acme.example", TenantStatus.ACTIVE, null, TenantSettings.DEFAULTS, TenantPlan.UNRESTRICTED);
    }

    public TestFacts tenantStatus(TenantStatus status, String reason) {
        this.tenant = tenant.withStatus(status, reason);
        return this;
    }

    /** The tenant with another brand name. */
    public TestFacts brand(String brand) {
        TenantProfile t = tenant;
        this.tenant = new TenantProfile(t.id(), t.name(), brand, t.industry(), t.country(), t.postalAddress(), t.supportContact(),
                t.status(), t.statusReason(), t.settings(), t.plan());
        return this;
    }

    public TestFacts settings(TenantSettings settings) {
        this.tenant = tenant.withSettings(settings);
        return this;
    }

    public TestFacts plan(TenantPlan plan) {
        this.tenant = tenant.withPlan(plan);
        return this;
    }

    public TestFacts sender(SenderStatus status) {
        this.sender = status;
        return this;
    }

    /** The email domains verified for the tenant (acme.example unless given). */
    public TestFacts emailDomains(String... verified) {
        this.emailDomains = Set.of(verified);
        return this;
    }

    /** No consent at all unless one is added. */
    public TestFacts noConsent() {
        this.defaultConsent = false;
        return this;
    }

    /** The default consent, captured by another method (verbal, api...). */
    public TestFacts consentMethod(ConsentMethod method) {
        this.defaultMethod = method;
        return this;
    }

    /** The default consent, with an agreed frequency such as "4/month". */
    public TestFacts agreedFrequency(String text) {
        this.defaultFrequency = AgreedFrequency.parse(text).orElseThrow();
        return this;
    }

    public TestFacts consent(Channel channel, Purpose purpose, ConsentStatus status) {
        return consent(channel, purpose, status, ConsentMethod.WEB_FORM, CAPTURED, status != ConsentStatus.PENDING);
    }

    public TestFacts consent(Channel channel, Purpose purpose, ConsentStatus status, ConsentMethod method, Instant capturedAt,
                             boolean confirmed) {
        this.defaultConsent = false;
        Consent consent = Consent.recorded("con_" + (consents.size() + 1), channel, purpose, method,
                status == ConsentStatus.REVOKED ? ConsentStatus.ACTIVE : status, confirmed, capturedAt);
        consents.add(status == ConsentStatus.REVOKED ? consent.revoked(capturedAt.plusSeconds(86_400), false) : consent);
        return this;
    }

    /** A consent recorded pending at {@code capturedAt} that lapsed unconfirmed a day later (revoked while pending). */
    public TestFacts lapsedConsent(Channel channel, Purpose purpose, Instant capturedAt) {
        this.defaultConsent = false;
        consents.add(Consent.recorded("con_" + (consents.size() + 1), channel, purpose, ConsentMethod.WEB_FORM, ConsentStatus.PENDING,
                false, capturedAt).revoked(capturedAt.plusSeconds(86_400), false));
        return this;
    }

    /** One more active written SMS marketing consent, captured at {@code capturedAt}, naming {@code frequency} (or none if null). */
    public TestFacts smsMarketingConsent(Instant capturedAt, String frequency) {
        consent(Channel.SMS, Purpose.MARKETING, ConsentStatus.ACTIVE, ConsentMethod.WEB_FORM, capturedAt, true);
        if (frequency != null) {
            consents.set(consents.size() - 1, consents.get(consents.size() - 1).withFrequency(AgreedFrequency.parse(frequency).orElseThrow()));
        }
        return this;
    }

    public TestFacts consentCapturedAt(Channel channel, Purpose purpose, Instant capturedAt) {
        return consent(channel, purpose, ConsentStatus.ACTIVE, ConsentMethod.WEB_FORM, capturedAt, true);
    }

    public TestFacts optedOut(OptOutScope scope) {
        return optedOut(scope, Instant.parse("2026-03-01T10:00:00Z"));
    }

    public TestFacts optedOut(OptOutScope scope, Instant at) {
        optOuts.put(scope, new OptOut(scope, at, "sms:STOP"));
        return this;
    }

    /** The recipient left the tenant's email list {@code list} (an RFC 8058 one-click unsubscribe). */
    public TestFacts leftList(String list) {
        listOptOuts.put(list, new org.consentry.consent.ListOptOut(list, Instant.parse("2026-03-01T10:00:00Z"), "email:one-click"));
        return this;
    }

    /** A complaint (ARF) stopped the tenant's email to the recipient. */
    public TestFacts complained() {
        emailSuppression = new org.consentry.consent.EmailRecord.Suppression("complaint", Instant.parse("2026-03-02T10:00:00Z"),
                "SomeGenerator/1.0", "feedback type abuse");
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

    /** The recipient's state as the request or the contact record names it. */
    /** The recipient's personal data was erased at their request at {@code at}. */
    public TestFacts erased(Instant at) {
        erasedAt = at;
        defaultConsent = false;
        return this;
    }

    public TestFacts state(String value) {
        this.state = value;
        return this;
    }

    /** The country the tenant's contact record names (used for email recipients). */
    public TestFacts declaredCountry(String value) {
        this.declaredCountry = value;
        return this;
    }

    public TestFacts lineType(LineType value) {
        this.lineType = value;
        return this;
    }

    public TestFacts relationship(RelationshipKind kind, Instant at) {
        relationships.add(new Relationship(kind, at));
        return this;
    }

    /** A committed send to the recipient. */
    public TestFacts sent(Instant at, Channel channel, Purpose purpose, String topic, String body) {
        MessageContent content = CONTENT.analyze(body);
        sends.add(new SentMessage(at, channel, purpose, topic, content.contentHash(), content.shingles()));
        sends.sort((a, b) -> a.at().compareTo(b.at()));
        return this;
    }

    public TestFacts onNationalDnc() {
        this.onNationalDnc = true;
        return this;
    }

    public TestFacts nationalRegistryAsOf(Instant asOf) {
        this.nationalAsOf = asOf;
        return this;
    }

    /** The national registry copy in force holds no number of the recipient's area code (it was not downloaded). */
    public TestFacts nationalCopyWithoutAreaCode() {
        this.nationalCoversAreaCode = false;
        return this;
    }

    public TestFacts onStateDnc(String state) {
        stateLists.add(state);
        return this;
    }

    public TestFacts blocked() {
        this.blocked = true;
        return this;
    }

    public TestFacts disconnectedAt(Instant at) {
        this.disconnectedAt = at;
        return this;
    }

    public TestFacts tenantSent(Instant at) {
        tenantSends.add(at);
        tenantSends.sort(Instant::compareTo);
        return this;
    }

    public Facts of(SendRequest request) {
        List<Consent> all = new ArrayList<>(consents);
        if (defaultConsent && request.purpose().isConsentable()) {
            Consent consent = Consent.recorded("con_default", request.channel(), request.purpose(), defaultMethod,
                    ConsentStatus.ACTIVE, true, CAPTURED);
            all.add(defaultFrequency == null ? consent : consent.withFrequency(defaultFrequency));
        }
        String region = request.state() != null ? request.state() : state;
        Placement placement = new Placement(region, declaredCountry, lineType, tenant.country());
        ContactState contact = new ContactState(all, optOuts, internalDncSince,
                new ContactDeclaration(declaredCountry, state, lineType), relationships, sends,
                new org.consentry.consent.EmailRecord(listOptOuts, emailSuppression, List.of()), erasedAt);
        String text = request.channel() == Channel.EMAIL && request.subject() != null
                ? request.subject() + "\n" + (request.body() == null ? "" : request.body()) : request.body();
        return new Facts(RESOLVER.resolve(request.channel(), request.to(), request.country(), placement), tenant, sender,
                EmailDomains.of(emailDomains), contact,
                new RegistryFacts(onNationalDnc, nationalAsOf, nationalCoversAreaCode, stateLists, blocked, disconnectedAt), CONTENT.analyze(text),
                new TenantActivity(tenantSends), unavailable);
    }
}
