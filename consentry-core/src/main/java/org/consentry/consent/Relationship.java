package org.consentry.consent;

import java.time.Instant;
import java.util.Objects;

/** A business relationship with the recipient, from a purchase or an inquiry at {@code at}. */
public record Relationship(RelationshipKind kind, Instant at) {

    public Relationship {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
