package org.consentry.ledger;

/** A stored event that cannot be read back: a corrupt or tampered ledger. */
public final class LedgerFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerFormatException(String message) {
        super(message);
    }
}
