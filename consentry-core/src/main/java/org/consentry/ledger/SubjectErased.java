package org.consentry.ledger;

import java.util.Map;

/**
 * The tenant erased a person's personal data at their request (GDPR art. 17): the key their events were sealed under
 * was destroyed in the same transaction. Only {@code subjectRef}, a salted hash of the address, is kept, so that the
 * address is never messaged again. {@code address} is known to the process that erased it, for its projections,
 * and never stored.
 */
public record SubjectErased(String subjectRef, String address) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.SUBJECT_ERASED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("subject_ref", subjectRef);
    }

    static SubjectErased read(EventFields f) {
        return new SubjectErased(f.string("subject_ref"), null);
    }
}
