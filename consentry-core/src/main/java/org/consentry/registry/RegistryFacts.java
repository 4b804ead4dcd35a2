package org.consentry.registry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * What the provider's lists say about a recipient.
 *
 * @param onNationalDnc  the number is on the national Do-Not-Call registry copy
 * @param nationalAsOf   the date of the national registry copy in force; null when none was ever loaded
 * @param nationalCoversAreaCode false when the imported national copy holds no number at all of the recipient's area
 *                       code: a seller may download only the area codes it calls, and every area code in service has
 *                       registered numbers, so such a copy says nothing of the number (true when no copy was imported,
 *                       or for an address that is not a number)
 * @param stateDncLists  the states whose Do-Not-Call lists hold the number, e.g. {@code FL}
 * @param blocked        the address is on the provider's own block list
 * @param disconnectedAt when the number was last permanently disconnected (reassigned numbers data); null if never reported
 */
public record RegistryFacts(boolean onNationalDnc, Instant nationalAsOf, boolean nationalCoversAreaCode, Set<String> stateDncLists,
                            boolean blocked, Instant disconnectedAt) {

    public static final RegistryFacts NONE = new RegistryFacts(false, null, true, Set.of(), false, null);

    public RegistryFacts {
        stateDncLists = Set.copyOf(stateDncLists);
    }

    /** Facts from a national copy that covers the recipient's area code. */
    public RegistryFacts(boolean onNationalDnc, Instant nationalAsOf, Set<String> stateDncLists, boolean blocked, Instant disconnectedAt) {
        this(onNationalDnc, nationalAsOf, true, stateDncLists, blocked, disconnectedAt);
    }

    /**
     * True when a consent or business relationship dated {@code given} came from whoever had the number before it was
     * disconnected, so that it is nothing to its subscriber now (47 CFR 64.1200(m)). The Reassigned Numbers Database
     * answers by day ("disconnected on or after the date of consent"): anything on or before the (UTC) day of the
     * disconnection predates it.
     */
    public boolean predatesDisconnection(Instant given) {
        return disconnectedAt != null
                && !given.atOffset(ZoneOffset.UTC).toLocalDate().isAfter(disconnectedAt.atOffset(ZoneOffset.UTC).toLocalDate());
    }
}
