package org.consentry.store;

/**
 * An operation refused on the facts as they stand: an unknown consent, a number that belongs to another
 * tenant, a restricted industry. It names the request field at fault, so that the API can say which.
 */
public final class RequestRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: the thing named does not exist, it conflicts with what exists, or it is not acceptable. */
    public enum Kind { NOT_FOUND, CONFLICT, UNACCEPTABLE }

    private final Kind kind;
    private final String field;

    public RequestRefused(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
