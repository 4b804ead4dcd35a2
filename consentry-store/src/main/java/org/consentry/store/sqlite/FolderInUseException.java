package org.consentry.store.sqlite;

/** The data folder is held by another process (or another open store in this one): this one does not open it. */
public final class FolderInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FolderInUseException(String message) {
        super(message);
    }
}
