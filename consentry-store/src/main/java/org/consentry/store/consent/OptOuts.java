package org.consentry.store.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStatus;
import org.consentry.consent.ContactState;
import org.consentry.consent.OptOut;
import org.consentry.ledger.ConsentReinstated;
import org.consentry.ledger.ConsentRevoked;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.OptedIn;
import org.consentry.ledger.OptedOut;
import org.consentry.policy.OptOutScope;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.ledger.RecipientLocks;
import org.consentry.store.projection.ContactBook;

/**
 * Opt-outs and opt-ins. An opt-out is always recorded, and revokes in the same append every consent it
 * covers; an opt-in (a recipient's START, UNSTOP or YES) lifts the opt-out on its scopes and reinstates the
 * consents that opt-out had revoked. Only a recipient's own opt-in lifts an opt-out, and only one made after it:
 * a START that reaches us late, stamped before the STOP it would undo, lifts nothing. Each is decided and written
 * under the recipient's lock, so that two STOPs arriving together are one opt-out made newly and one repeated.
 */
public final class OptOuts {

    private final Ledger ledger;
    private final ContactBook contacts;
    private final RecipientLocks locks;

    public OptOuts(Ledger ledger, ContactBook contacts, RecipientLocks locks) {
        this.ledger = ledger;
        this.contacts = contacts;
        this.locks = locks;
    }

    /** What an opt-out changed. */
    public record Change(boolean newlyOptedOut, List<String> revokedConsents) {
    }

    public Change optOut(String tenant, String address, Set<OptOutScope> scopes, Instant at, String via) {
        return locks.under(tenant, address, () -> optOutLocked(tenant, address, scopes, at, via));
    }

    private Change optOutLocked(String tenant, String address, Set<OptOutScope> scopes, Instant at, String via) {
        ContactState state = contacts.stateOf(tenant, address);
        boolean newly = scopes.stream().anyMatch(scope -> state.optOut(scope) == null);
        List<LedgerEvent> events = new ArrayList<>();
        events.add(new OptedOut(address, scopes, at, via));
        List<String> revoked = new ArrayList<>();
        for (Consent consent : state.consents()) {
            if (consent.status() != ConsentStatus.REVOKED && scopes.contains(consent.channel().optOutScope())) {
                events.add(new ConsentRevoked(consent.id(), address, at, via, true));
                revoked.add(consent.id());
            }
        }
        ledger.append(tenant, events);
        return new Change(newly, revoked);
    }

    /** What an opt-in changed: the scopes it lifted and the consents it reinstated; nothing when not opted out. */
    public record Lifted(Set<OptOutScope> scopes, List<String> reinstatedConsents) {
        public boolean changedAnything() {
            return !scopes.isEmpty();
        }
    }

    /** Lifts the opt-outs on {@code scopes} made before {@code at}; one made at or after it stays. */
    public Lifted optIn(String tenant, String address, Set<OptOutScope> scopes, Instant at, String via) {
        return locks.under(tenant, address, () -> optInLocked(tenant, address, scopes, at, via));
    }

    private Lifted optInLocked(String tenant, String address, Set<OptOutScope> scopes, Instant at, String via) {
        ContactState state = contacts.stateOf(tenant, address);
        Set<OptOutScope> lifted = EnumSet.noneOf(OptOutScope.class);
        for (OptOutScope scope : scopes) {
            OptOut optOut = state.optOut(scope);
            if (optOut != null && optOut.latest().isBefore(at)) {
                lifted.add(scope);
            }
        }
        if (lifted.isEmpty()) {
            return new Lifted(Set.of(), List.of());
        }
        List<LedgerEvent> events = new ArrayList<>();
        events.add(new OptedIn(address, lifted, at, via));
        List<String> reinstated = new ArrayList<>();
        for (Consent consent : state.consents()) {
            if (consent.status() == ConsentStatus.REVOKED && consent.revokedByOptOut()
                    && lifted.contains(consent.channel().optOutScope())) {
                events.add(new ConsentReinstated(consent.id(), address, at, via));
                reinstated.add(consent.id());
            }
        }
        ledger.append(tenant, events);
        return new Lifted(Set.copyOf(lifted), reinstated);
    }
}
