package org.consentry.consent;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.consentry.policy.OptOutScope;

/**
 * What one tenant's ledger says about one recipient: consents, opt-outs and whether the number is on the
 * tenant's own Do-Not-Call list. Immutable; the store replaces it as events arrive.
 *
 * @param internalDncSince when the number went on the tenant's own Do-Not-Call list; null if it is not on it
 */
public record ContactState(List<Consent> consents, Map<OptOutScope, OptOut> optOuts, Instant internalDncSince) {

    public static final ContactState EMPTY = new ContactState(List.of(), Map.of(), null);

    public ContactState {
        consents = List.copyOf(consents);
        optOuts = optOuts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(optOuts));
    }

    public OptOut optOut(OptOutScope scope) {
        return optOuts.get(scope);
    }

    public Consent consent(String id) {
        for (Consent consent : consents) {
            if (consent.id().equals(id)) {
                return consent;
            }
        }
        return null;
    }
}
