package org.consentry.store.facts;

import java.util.Optional;
import java.util.Set;
import org.consentry.address.EmailAddress;
import org.consentry.address.EmailAddressParser;
import org.consentry.address.PhoneNumber;
import org.consentry.address.PhoneNumberParser;
import org.consentry.consent.ContactState;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.SendRequest;
import org.consentry.recipient.Recipient;
import org.consentry.recipient.RecipientResolver;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.projection.ContactBook;
import org.consentry.store.projection.Sender;
import org.consentry.store.projection.TenantDirectory;
import org.consentry.tenant.SenderKind;
import org.consentry.tenant.SenderStatus;
import org.consentry.tenant.TenantProfile;

/**
 * The facts of a send request as the ledger's projections give them. When the ledger is not healthy (a
 * write failed, or a projection could not follow), it is named unavailable and the verdict waits.
 */
public final class LedgerFacts {

    private static final Set<FactSource> LEDGER_UNAVAILABLE = Set.of(FactSource.LEDGER);

    private final RecipientResolver recipients;
    private final PhoneNumberParser phones;
    private final EmailAddressParser emails;
    private final TenantDirectory directory;
    private final ContactBook contacts;
    private final Ledger ledger;

    public LedgerFacts(RecipientResolver recipients, PhoneNumberParser phones, EmailAddressParser emails,
                       TenantDirectory directory, ContactBook contacts, Ledger ledger) {
        this.recipients = recipients;
        this.phones = phones;
        this.emails = emails;
        this.directory = directory;
        this.contacts = contacts;
        this.ledger = ledger;
    }

    public Facts resolve(TenantProfile tenant, SendRequest request) {
        Recipient recipient = recipients.resolve(request.channel(), request.to(), request.country());
        ContactState contact = recipient.valid() ? contacts.stateOf(tenant.id(), recipient.key()) : ContactState.EMPTY;
        return new Facts(recipient, tenant, senderStatus(tenant.id(), request), contact,
                ledger.healthy() ? Set.of() : LEDGER_UNAVAILABLE);
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
