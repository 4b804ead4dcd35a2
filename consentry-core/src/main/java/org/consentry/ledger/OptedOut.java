package org.consentry.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consentry.policy.OptOutScope;

/** The recipient opted out of one or more scopes ({@code all} is stored as every scope). */
public record OptedOut(String address, Set<OptOutScope> scopes, Instant at, String via) implements LedgerEvent {

    public OptedOut {
        scopes = Set.copyOf(scopes);
    }

    @Override public EventType type() {
        return EventType.OPTED_OUT;
    }

    @Override public String subject() {
        return address;
    }

    @Override public Map<String, Object> fields() {
        return Map.of("address", address, "scopes", ScopeList.write(scopes), "at", at.toString(), "via", via);
    }

    static OptedOut read(EventFields f) {
        return new OptedOut(f.string("address"), ScopeList.read(f, "scopes"), f.instant("at"), f.string("via"));
    }

    /** Scopes as a sorted list of wire names. */
    static final class ScopeList {
        private ScopeList() {
        }

        static List<String> write(Set<OptOutScope> scopes) {
            return scopes.stream().sorted().map(OptOutScope::wireName).toList();
        }

        static Set<OptOutScope> read(EventFields f, String key) {
            List<String> names = f.strings(key);
            java.util.EnumSet<OptOutScope> scopes = java.util.EnumSet.noneOf(OptOutScope.class);
            for (String name : names) {
                scopes.addAll(OptOutScope.fromWire(name)
                        .orElseThrow(() -> new LedgerFormatException("unknown opt-out scope '" + name + "'")));
            }
            return scopes;
        }
    }
}
