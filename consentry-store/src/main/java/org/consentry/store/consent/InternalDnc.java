package org.consentry.store.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.consentry.ledger.InternalDncAdded;
import org.consentry.ledger.LedgerEvent;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.projection.ContactBook;

/** The tenant's own Do-Not-Call list. */
public final class InternalDnc {

    private final Ledger ledger;
    private final ContactBook contacts;

    public InternalDnc(Ledger ledger, ContactBook contacts) {
        this.ledger = ledger;
        this.contacts = contacts;
    }

    /**
     * Adds E.164 numbers; those already on the list are left as they are.
     *
     * @return how many were added
     */
    public int add(String tenant, List<String> numbers, Instant at) {
        List<LedgerEvent> events = new ArrayList<>();
        for (String number : new LinkedHashSet<>(numbers)) {
            if (contacts.stateOf(tenant, number).internalDncSince() == null) {
                events.add(new InternalDncAdded(number, at));
            }
        }
        ledger.append(tenant, events);
        return events.size();
    }
}
