package org.consentry.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.consentry.policy.OptOutScope;

/** The recipient opted back in to scopes it had opted out of (START, UNSTOP or YES by text). */
public record OptedIn(String address, Set<OptOutScope> scopes, Instant at, String via) implements LedgerEvent {

    public OptedIn {
        scopes = Set.copyOf(scopes);
    }

    @Override public EventType type() {
        return EventType.OPTED_IN;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("address", address, "scopes", OptedOut.ScopeList.write(scopes), "at", at.toString(), "via", via);
    }

    static OptedIn read(EventFields f) {
        return new OptedIn(f.string("address"), OptedOut.ScopeList.read(f, "scopes"), f.instant("at"), f.string("via"));
    }
}
