package org.consentry.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.consentry.address.EmailAddressParser;
import org.consentry.address.PhoneNumberParser;
import org.consentry.inbound.ReplyClassifier;
import org.consentry.content.ContentAnalyzer;
import org.consentry.policy.rules.identity.OptOutLanguage;
import org.consentry.recipient.RecipientResolver;
import org.consentry.store.consent.Contacts;
import org.consentry.store.projection.ProviderLists;
import org.consentry.store.projection.TenantActivityBook;
import org.consentry.store.registry.ProviderData;
import org.consentry.store.registry.RegistrySnapshots;
import org.consentry.store.consent.Consents;
import org.consentry.store.consent.InternalDnc;
import org.consentry.store.consent.OptOuts;
import org.consentry.store.consent.ProofRequests;
import org.consentry.store.ledger.SubjectRefs;
import org.consentry.store.facts.LedgerFacts;
import org.consentry.store.inbound.EmailUnsubscribes;
import org.consentry.store.inbound.SpamReports;
import org.consentry.store.inbound.SmsReplies;
import org.consentry.store.keys.AdminKeys;
import org.consentry.store.keys.ServerSecrets;
import org.consentry.store.keys.ApiKeys;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.ledger.RecipientLocks;
import org.consentry.store.projection.ContactBook;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.store.projection.TenantHealthBook;
import org.consentry.store.sqlite.SqliteAdminKeys;
import org.consentry.store.sqlite.SqliteDatabase;
import org.consentry.store.sqlite.SqliteLedger;
import org.consentry.store.sqlite.SqliteServerSecrets;
import org.consentry.store.tenant.Tenants;
import org.consentry.tenant.RestrictedIndustries;

/**
 * The store's parts wired over one ledger: the projections it keeps current and the operations that append
 * to it. {@link #embedded} opens the SQLite file in a directory, replaying the ledger into the projections.
 */
public final class Store implements AutoCloseable {

    private final AutoCloseable database;
    private final Ledger ledger;
    private final AdminKeys adminKeys;
    private final TenantDirectory directory;
    private final ContactBook contacts;
    private final ProviderLists providerLists;
    private final Tenants tenants;
    private final Contacts contactRecords;
    private final ProviderData providerData;
    private final Consents consents;
    private final OptOuts optOuts;
    private final InternalDnc internalDnc;
    private final SmsReplies replies;
    private final EmailUnsubscribes unsubscribes;
    private final TenantHealthBook health;
    private final ProofRequests proofRequests;
    private final org.consentry.store.consent.OptInForms forms;
    private final org.consentry.store.consent.ConfirmationLinks confirmationLinks;
    private final java.security.KeyPair evidenceKeys;
    private final SpamReports spamReports;
    private final LedgerFacts facts;
    private final PhoneNumberParser phones;
    private final EmailAddressParser emails;
    private final Ids ids;
    private final ApiKeys apiKeys;
    private final RegistrySnapshots registries;
    private final RecipientLocks recipientLocks = new RecipientLocks();
    private final org.consentry.store.sqlite.SqliteIdempotencyStore idempotency;
    private final org.consentry.store.outbox.Outbox outbox;
    private volatile org.consentry.store.scrub.ListScrubber scrubber;
    private final byte[] webhookKey;

    /** The name of the key each tenant's webhook signing secret is derived from, among the server's secrets. */
    public static final String WEBHOOK_KEY_NAME = "webhook-signing-key";

    /** The folder of the imported registry copies, inside the store's folder. */
    public static final String REGISTRIES = "registries";

    private Store(AutoCloseable database, Ledger ledger, AdminKeys adminKeys, ServerSecrets secrets, Projections projections,
                  RegistrySnapshots registries, org.consentry.store.sqlite.SqliteIdempotencyStore idempotency,
                  org.consentry.store.outbox.Outbox outbox, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.registries = registries;
        this.ledger = ledger;
        this.adminKeys = adminKeys;
        this.directory = projections.tenants();
        this.contacts = projections.contacts();
        this.providerLists = projections.provider();
        this.ids = new Ids(clock);
        this.apiKeys = new ApiKeys();
        this.phones = new PhoneNumberParser();
        this.emails = new EmailAddressParser();
        this.tenants = new Tenants(ledger, directory, RestrictedIndustries.load(), apiKeys, ids);
        this.contactRecords = new Contacts(ledger, contacts);
        this.providerData = new ProviderData(ledger, providerLists);
        this.consents = new Consents(ledger, contacts, ids, recipientLocks);
        this.optOuts = new OptOuts(ledger, contacts, recipientLocks);
        this.internalDnc = new InternalDnc(ledger, contacts);
        this.replies = new SmsReplies(ReplyClassifier.load(), optOuts, consents, contacts);
        this.unsubscribes = new EmailUnsubscribes(secrets.secret(EmailUnsubscribes.KEY_NAME), optOuts, ledger, contacts);
        this.health = projections.health();
        this.proofRequests = projections.proofRequests();
        this.confirmationLinks = new org.consentry.store.consent.ConfirmationLinks(secrets.secret(org.consentry.store.consent.ConfirmationLinks.KEY_NAME));
        this.proofRequests.connect(ledger, directory, ids);
        this.forms = projections.forms();
        this.forms.connect(ledger, ids, consents);
        this.evidenceKeys = org.consentry.evidence.EvidenceSignature.keyPair(secrets.secret(EVIDENCE_KEY_NAME));
        this.webhookKey = secrets.secret(WEBHOOK_KEY_NAME);
        this.spamReports = new SpamReports(directory, ledger, optOuts);
        RecipientResolver resolver = RecipientResolver.load();
        this.facts = new LedgerFacts(resolver, phones, emails, directory, contacts, providerLists, projections.activity(),
                ContentAnalyzer.load(), OptOutLanguage.load(), ledger);
    }

    /** The projections every store keeps current from its ledger. */
    private record Projections(TenantDirectory tenants, ContactBook contacts, ProviderLists provider, TenantActivityBook activity,
                               TenantHealthBook health, ProofRequests proofRequests, org.consentry.store.consent.OptInForms forms) {
        static Projections fresh(RegistrySnapshots registries, SubjectRefs refs) {
            return new Projections(new TenantDirectory(), new ContactBook(refs), new ProviderLists(registries), new TenantActivityBook(),
                    new TenantHealthBook(), new ProofRequests(),
                    new org.consentry.store.consent.OptInForms());
        }

        List<org.consentry.store.ledger.LedgerListener> listeners() {
            return List.of(tenants, contacts, provider, activity, health, proofRequests, forms);
        }
    }

    /** Opens the embedded store in {@code directory} (created if needed). */
    public static Store embedded(Path directory, Clock clock) {
        SqliteDatabase database = SqliteDatabase.open(directory);
        try {
            RegistrySnapshots registries = RegistrySnapshots.open(directory.resolve(REGISTRIES));
            SubjectRefs refs = new SubjectRefs(new SqliteServerSecrets(database, clock).secret(SubjectRefs.KEY_NAME));
            Projections projections = Projections.fresh(registries, refs);
            Ledger ledger = SqliteLedger.open(database, clock, projections.listeners(), refs);
            return new Store(database, ledger, new SqliteAdminKeys(database), new SqliteServerSecrets(database, clock), projections,
                    registries, new org.consentry.store.sqlite.SqliteIdempotencyStore(database),
                    new org.consentry.store.sqlite.SqliteOutbox(database, ledger, tenant -> projections.tenants().tenant(tenant)
                            .map(profile -> profile.settings().statusWebhookUrl() != null).orElse(false)), clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Ledger ledger() {
        return ledger;
    }

    public AdminKeys adminKeys() {
        return adminKeys;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public TenantDirectory directory() {
        return directory;
    }

    public ContactBook contacts() {
        return contacts;
    }

    public Tenants tenants() {
        return tenants;
    }

    public Contacts contactRecords() {
        return contactRecords;
    }

    public ProviderData providerData() {
        return providerData;
    }

    /** Judges contact lists with the list rules, on as many threads as there are processors. */
    public org.consentry.store.scrub.ListScrubber scrubber() {
        org.consentry.store.scrub.ListScrubber made = scrubber;
        if (made == null) {
            synchronized (this) {
                if (scrubber == null) {
                    scrubber = new org.consentry.store.scrub.ListScrubber(facts,
                            new org.consentry.policy.PolicyEngine(org.consentry.policy.rules.StandardRulebook.forLists()),
                            Runtime.getRuntime().availableProcessors());
                }
                made = scrubber;
            }
        }
        return made;
    }

    /** The registry copies imported from the registry's files. */
    public RegistrySnapshots registries() {
        return registries;
    }

    public ProviderLists providerLists() {
        return providerLists;
    }

    /** The locks under which what is decided about one recipient is written (see {@link RecipientLocks}). */
    public RecipientLocks recipientLocks() {
        return recipientLocks;
    }

    public Consents consents() {
        return consents;
    }

    public OptOuts optOuts() {
        return optOuts;
    }

    public InternalDnc internalDnc() {
        return internalDnc;
    }

    /** The name of the evidence signing key's seed among the server's secrets. */
    public static final String EVIDENCE_KEY_NAME = "evidence-signing-key";

    /** The Ed25519 key pair proof bundles are signed with (its seed generated once and kept in the store). */
    public java.security.KeyPair evidenceKeys() {
        return evidenceKeys;
    }

    /** The server's key that each tenant's webhook signing secret is derived from (generated once, kept in the store). */
    public byte[] webhookKey() {
        return webhookKey.clone();
    }

    public org.consentry.store.consent.ConfirmationLinks confirmationLinks() {
        return confirmationLinks;
    }

    public org.consentry.store.consent.OptInForms forms() {
        return forms;
    }

    public org.consentry.store.consent.Erasures erasures() {
        return new org.consentry.store.consent.Erasures(ledger, proofRequests, idempotency, outbox);
    }

    /** Messages accepted for delivery, from acceptance to their last status. */
    public org.consentry.store.outbox.Outbox outbox() {
        return outbox;
    }

    public ProofRequests proofRequests() {
        return proofRequests;
    }

    public TenantHealthBook health() {
        return health;
    }

    public SpamReports spamReports() {
        return spamReports;
    }

    public EmailUnsubscribes unsubscribes() {
        return unsubscribes;
    }

    public SmsReplies replies() {
        return replies;
    }

    public LedgerFacts facts() {
        return facts;
    }

    public PhoneNumberParser phones() {
        return phones;
    }

    public EmailAddressParser emails() {
        return emails;
    }

    public Ids ids() {
        return ids;
    }

    /** The answers kept for requests sent with an {@code Idempotency-Key}. */
    public org.consentry.store.idempotency.IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override public void close() {
        idempotency.close();
        ledger.close();
        try {
            database.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the store failed", e);
        }
    }
}
