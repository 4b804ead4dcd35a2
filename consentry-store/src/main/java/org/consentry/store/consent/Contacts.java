package org.consentry.store.consent;

import java.time.Instant;
import java.util.List;
import org.consentry.consent.ContactState;
import org.consentry.consent.RelationshipKind;
import org.consentry.ledger.ContactDeclared;
import org.consentry.ledger.RelationshipRecorded;
import org.consentry.recipient.LineType;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.projection.ContactBook;

/** What a tenant tells Consentry about a recipient: where it is, what line it is, and their business relationship. */
public final class Contacts {

    private final Ledger ledger;
    private final ContactBook contacts;

    public Contacts(Ledger ledger, ContactBook contacts) {
        this.ledger = ledger;
        this.contacts = contacts;
    }

    /** Records what is declared (null parts stay as they were) and returns the recipient's record. */
    public ContactState declare(String tenant, String address, String country, String state, LineType lineType) {
        ledger.append(tenant, List.of(new ContactDeclared(address, country, state, lineType)));
        return contacts.stateOf(tenant, address);
    }

    public ContactState relationship(String tenant, String address, RelationshipKind kind, Instant at) {
        ledger.append(tenant, List.of(new RelationshipRecorded(address, kind, at)));
        return contacts.stateOf(tenant, address);
    }
}
