package org.consentry.store.ledger;

/** A store did not answer, or could not make a write durable. Nothing was written; the caller may retry. */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
