package org.consentry.store.sqlite;

/** The store's file cannot be opened as Consentry's database (damaged, cut short, or another file): nothing was changed. */
public final class StoreDamagedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreDamagedException(String message, Throwable cause) {
        super(message, cause);
    }
}
