package org.consentry.feedback;

/** A report that cannot be read: which part or field is wrong, and how. */
public final class FeedbackFormatException extends RuntimeException {

    private final String field;

    public FeedbackFormatException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The part or field at fault, e.g. {@code Feedback-Type} or {@code message/delivery-status}. */
    public String field() {
        return field;
    }
}
