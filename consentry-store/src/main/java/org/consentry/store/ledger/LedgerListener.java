package org.consentry.store.ledger;

import org.consentry.ledger.LedgerEntry;

/** Something kept current from the ledger: it sees every entry once, in order, after it is durable. */
@FunctionalInterface
public interface LedgerListener {

    void apply(LedgerEntry entry);
}
