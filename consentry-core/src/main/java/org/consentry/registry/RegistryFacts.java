package org.consentry.registry;

import java.time.Instant;
import java.util.Set;

/**
 * What the provider's lists say about a recipient.
 *
 * @param onNationalDnc  the number is on the national Do-Not-Call registry copy
 * @param nationalAsOf   the date of the national registry copy in force; null when none was ever loaded
 * @param stateDncLists  the states whose Do-Not-Call lists hold the number, e.g. {@code FL}
 * @param blocked        the address is on the provider's own block list
 * @param disconnectedAt when the number was last permanently disconnected (reassigned numbers data); null if never reported
 */
public record RegistryFacts(boolean onNationalDnc, Instant nationalAsOf, Set<String> stateDncLists, boolean blocked,
                            Instant disconnectedAt) {

    public static final RegistryFacts NONE = new RegistryFacts(false, null, Set.of(), false, null);

    public RegistryFacts {
        stateDncLists = Set.copyOf(stateDncLists);
    }
}
