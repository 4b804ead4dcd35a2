package org.consentry.store.scrub;

/** The list cannot be scrubbed as sent: no address column, or malformed CSV. The message says what to fix. */
public final class ScrubException extends RuntimeException {

    public ScrubException(String message) {
        super(message);
    }
}
