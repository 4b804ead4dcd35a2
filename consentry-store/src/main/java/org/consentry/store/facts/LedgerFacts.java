package org.consentry.store.facts;

import java.util.Optional;
import java.util.Set;
import org.consentry.address.Address;
import org.consentry.address.EmailAddress;
import org.consentry.address.EmailAddressParser;
import org.consentry.address.PhoneNumber;
import org.consentry.address.PhoneNumberParser;
import org.consentry.consent.ContactDeclaration;
import org.consentry.consent.ContactState;
import org.consentry.content.ContentAnalyzer;
import org.consentry.content.MessageContent;
import org.consentry.policy.Channel;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.SendRequest;
import org.consentry.policy.rules.identity.OptOutLanguage;
import org.consentry.recipient.LineType;
import org.consentry.recipient.Placement;
import org.consentry.recipient.Recipient;
import org.consentry.recipient.RecipientResolver;
import org.consentry.registry.RegistryFacts;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.projection.ContactBook;
import org.consentry.store.projection.ProviderLists;
import org.consentry.store.projection.Sender;
import org.consentry.store.projection.TenantActivityBook;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.tenant.EmailDomains;
import org.consentry.tenant.SenderKind;
import org.consentry.tenant.SenderStatus;
import org.consentry.tenant.TenantActivity;
import org.consentry.tenant.TenantProfile;

/**
 * The facts of a send request as the projections give them: the recipient placed by its number, the
 * request's state, the tenant's contact record and the provider's line types; its consents and history;
 * the provider's lists; the body read once. When the ledger is not healthy (a write failed, or a projection
 * could not follow), every store is named unavailable and the verdict waits.
 */
public final class LedgerFacts {

    private static final Set<FactSource> UNAVAILABLE = Set.of(FactSource.LEDGER, FactSource.REGISTRY, FactSource.COUNTERS);
    /** An imported registry copy could not be read: whether a number is on it is unknown, so every verdict waits. */
    private static final Set<FactSource> REGISTRY_UNKNOWN = Set.of(FactSource.REGISTRY);

    private final RecipientResolver recipients;
    private final PhoneNumberParser phones;
    private final EmailAddressParser emails;
    private final TenantDirectory directory;
    private final ContactBook contacts;
    private final ProviderLists provider;
    private final TenantActivityBook activity;
    private final ContentAnalyzer content;
    private final OptOutLanguage optOutLanguage;
    private final Ledger ledger;

    public LedgerFacts(RecipientResolver recipients, PhoneNumberParser phones, EmailAddressParser emails, TenantDirectory directory,
                       ContactBook contacts, ProviderLists provider, TenantActivityBook activity, ContentAnalyzer content,
                       OptOutLanguage optOutLanguage, Ledger ledger) {
        this.recipients = recipients;
        this.phones = phones;
        this.emails = emails;
        this.directory = directory;
        this.contacts = contacts;
        this.provider = provider;
        this.activity = activity;
        this.content = content;
        this.optOutLanguage = optOutLanguage;
        this.ledger = ledger;
    }

    /** Waits until the registry copies in force have been read against their checksums (a list is judged whole by them). */
    public void awaitRegistryChecks() {
        provider.awaitRegistryChecks();
    }

    /** The request as it will be sent: with the opt-out line appended when the tenant asked for it. */
    public SendRequest complete(TenantProfile tenant, SendRequest request) {
        if (!tenant.settings().autoAppendOptOut()) {
            return request;
        }
        return optOutLanguage.complete(request, tenant.settings(), read(request));
    }

    public Facts resolve(TenantProfile tenant, SendRequest request) {
        return facts(tenant, request, senderStatus(tenant.id(), request), read(request));
    }

    /**
     * The facts about the recipient alone, for judging a contact list: no sender and no body (the list rules,
     * {@link org.consentry.policy.rules.StandardRulebook#forLists}, do not read them).
     */
    public Facts resolveRecipient(TenantProfile tenant, SendRequest request) {
        return facts(tenant, request, SenderStatus.UNKNOWN, MessageContent.EMPTY);
    }

    /**
     * The facts about many recipients alone, as {@link #resolveRecipient} gives each, for judging a contact list.
     * Looking them up one at a time waits on memory once per record, list and state in turn (ten million records
     * and a 250-million-number registry do not fit in a cache); here the tables that parse and place a number are
     * touched for every address first, then every address is parsed, then all their registry words, record slots,
     * records and consents are touched, a level at a time, so that those waits overlap, then the facts are gathered
     * from the cache. Each level's loads are made in a loop that does nothing else: the processor keeps only the loads
     * of the next few hundred instructions in flight, so a loop that also parses or hashes between two loads overlaps
     * only a few of them (measured: a scrub 24% faster for this alone, BENCHMARKS.md).
     */
    public Facts[] resolveRecipients(TenantProfile tenant, SendRequest[] requests) {
        int count = requests.length;
        @SuppressWarnings("unchecked")
        Optional<Address>[] addresses = new Optional[count];
        long[] numbers = new long[count];
        long[] tables = new long[1];
        long[] nationals = null;
        if (sameKind(requests)) { // a list's rows: its numbers read first, then their tables touched together
            String[] raws = new String[count];
            for (int i = 0; i < count; i++) {
                raws[i] = requests[i].to();
            }
            nationals = new long[count];
            tables[0] = recipients.touchAll(requests[0].channel(), raws, requests[0].country(), count, nationals);
        } else {
            for (int i = 0; i < count; i++) {
                recipients.touch(requests[i].channel(), requests[i].to(), requests[i].country(), tables);
            }
        }
        for (int i = 0; i < count; i++) {
            addresses[i] = nationals != null && requests[i].channel().isPhone() // each number read once
                    ? recipients.parse(requests[i].channel(), requests[i].to(), requests[i].country(), nationals[i])
                    : recipients.parse(requests[i].channel(), requests[i].to(), requests[i].country());
            numbers[i] = addresses[i].isPresent() && addresses[i].get() instanceof PhoneNumber number && number.isNanp()
                    ? 10_000_000_000L + number.nationalNumber() : 0;
        }
        long touched = tables[0] + provider.touchAll(numbers, count);
        String[] canonical = new String[count];
        for (int i = 0; i < count; i++) {
            canonical[i] = addresses[i].isPresent() ? addresses[i].get().canonical() : null;
        }
        ContactState[] states = new ContactState[count];
        contacts.statesOf(tenant.id(), canonical, count, states); // each state found once, kept for its facts
        if (touched == Long.MIN_VALUE + 7) {
            touchedSink = touched; // (almost) never written, so the threads do not share the line; compared, so the reads stay
        }
        Facts[] facts = new Facts[count];
        for (int i = 0; i < count; i++) {
            facts[i] = facts(tenant, requests[i], SenderStatus.UNKNOWN, MessageContent.EMPTY, addresses[i], states[i]);
        }
        return facts;
    }

    /** Whether every request is on the first's channel with its country (as a list's rows are); false for none. */
    private static boolean sameKind(SendRequest[] requests) {
        for (SendRequest request : requests) {
            if (request.channel() != requests[0].channel() || !java.util.Objects.equals(request.country(), requests[0].country())) {
                return false;
            }
        }
        return requests.length > 0;
    }

    /** Where the touches' answers go, so that the compiler keeps the reads. */
    @SuppressWarnings("unused")
    private long touchedSink;

    private Facts facts(TenantProfile tenant, SendRequest request, SenderStatus sender, MessageContent body) {
        return facts(tenant, request, sender, body, recipients.parse(request.channel(), request.to(), request.country()));
    }

    private Facts facts(TenantProfile tenant, SendRequest request, SenderStatus sender, MessageContent body, Optional<Address> address) {
        return facts(tenant, request, sender, body, address,
                address.map(a -> contacts.stateOf(tenant.id(), a.canonical())).orElse(ContactState.EMPTY));
    }

    private Facts facts(TenantProfile tenant, SendRequest request, SenderStatus sender, MessageContent body, Optional<Address> address,
                        ContactState contact) {
        // whether a list is unknown is asked before the copies are read: a list leaves that state only once its copy is in force
        Set<FactSource> unavailable = !ledger.healthy() ? UNAVAILABLE : !provider.anyUnknown() ? Set.of() : REGISTRY_UNKNOWN;
        Recipient recipient = address.map(a -> recipients.place(request.to(), a, placement(tenant, request, a, contact)))
                .orElseGet(() -> Recipient.invalid(request.to()));
        RegistryFacts registry = provider.factsFor(recipient.key());
        // the tenant's sends in the minute before this one, read only when its plan has a rate (ThrottledRule)
        TenantActivity sent = tenant.plan().sendsPerMinute() == 0 ? TenantActivity.NONE : activity.activityOf(tenant.id(), request.sendAt());
        return new Facts(recipient, tenant, sender, emailDomains(tenant, request), contact, registry, body, sent, unavailable);
    }

    /**
     * The tenant's verified email domains (a parent domain covers those under it, as for {@code from}), asked of the
     * directory domain by domain when a rule reads an email's headers; none for a send that is not email.
     */
    private EmailDomains emailDomains(TenantProfile tenant, SendRequest request) {
        if (request.channel() != Channel.EMAIL) {
            return EmailDomains.NONE;
        }
        String id = tenant.id();
        return domain -> directory.emailDomainStatus(id, domain) == SenderStatus.VERIFIED;
    }

    /** The body (and for email the subject), read once for every content rule. */
    public MessageContent read(SendRequest request) {
        if (request.channel() == Channel.EMAIL) {
            return content.analyze(request.subject(), request.body());
        }
        return content.analyze(request.body());
    }

    private Placement placement(TenantProfile tenant, SendRequest request, Address address, ContactState contact) {
        ContactDeclaration declared = contact.declaration();
        String state = request.state() != null ? request.state() : declared.state();
        LineType line = declared.lineType() == null ? LineType.UNKNOWN : declared.lineType();
        if (address instanceof PhoneNumber) {
            line = line.stricter(provider.lineTypeOf(address.canonical()));
        }
        return new Placement(state, declared.country(), line, tenant.country());
    }

    private SenderStatus senderStatus(String tenant, SendRequest request) {
        if (!request.channel().isPhone()) {
            Optional<EmailAddress> from = emails.parse(SenderAddresses.mailbox(request.from()));
            return from.map(address -> directory.emailDomainStatus(tenant, address.domain())).orElse(SenderStatus.UNKNOWN);
        }
        Optional<PhoneNumber> number = phones.parse(request.from(), request.country());
        if (number.isPresent()) {
            return status(directory.sender(tenant, SenderKind.PHONE, number.get().e164()));
        }
        return SenderAddresses.senderId(request.from())
                .map(id -> status(directory.sender(tenant, SenderKind.SENDER_ID, id)))
                .orElse(SenderStatus.UNKNOWN);
    }

    private static SenderStatus status(Optional<Sender> sender) {
        return sender.map(Sender::status).orElse(SenderStatus.UNKNOWN);
    }
}
