package org.consentry.store.ledger;

import org.consentry.ledger.ConsentConfirmed;
import org.consentry.ledger.ConsentGranted;
import org.consentry.ledger.ConsentReinstated;
import org.consentry.ledger.ConsentRevoked;
import org.consentry.ledger.LedgerEvent;

/** The consent an event concerns, which the ledger indexes so that a consent's history is one lookup. */
public final class EventReferences {

    private EventReferences() {
    }

    public static String consentOf(LedgerEvent event) {
        if (event instanceof ConsentGranted) {
            return ((ConsentGranted) event).consentId();
        }
        if (event instanceof ConsentConfirmed) {
            return ((ConsentConfirmed) event).consentId();
        }
        if (event instanceof ConsentRevoked) {
            return ((ConsentRevoked) event).consentId();
        }
        if (event instanceof ConsentReinstated) {
            return ((ConsentReinstated) event).consentId();
        }
        return null;
    }
}
