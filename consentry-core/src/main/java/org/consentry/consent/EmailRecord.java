package org.consentry.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tenant's ledger says about a recipient's email beyond consents and opt-outs: the lists it left, a
 * suppression (a complaint, a hard bounce, too many soft bounces), and its recent soft bounces.
 *
 * @param suppression the first report that stopped the tenant's email to the address; null when none did
 * @param softBounces when soft bounces were reported, oldest first
 */
public record EmailRecord(Map<String, ListOptOut> listOptOuts, Suppression suppression, List<Instant> softBounces) {

    public static final EmailRecord NONE = new EmailRecord(Map.of(), null, List.of());

    /** Why the address takes no more email from the tenant: a complaint, a hard bounce or the soft bounce limit. */
    public record Suppression(String reason, Instant at, String reporter, String detail) {
    }

    public EmailRecord {
        listOptOuts = Map.copyOf(listOptOuts);
        softBounces = List.copyOf(softBounces);
    }

    public EmailRecord withListOptOut(ListOptOut left) {
        Map<String, ListOptOut> more = new HashMap<>(listOptOuts);
        more.put(left.list(), left);
        return new EmailRecord(more, suppression, softBounces);
    }

    /** The same record suppressed, unless it already was (the first reason stands). */
    public EmailRecord suppressed(Suppression why) {
        return suppression != null ? this : new EmailRecord(listOptOuts, why, softBounces);
    }

    /** Adds a soft bounce and forgets those before {@code keepFrom}. */
    public EmailRecord withSoftBounce(Instant at, Instant keepFrom) {
        List<Instant> kept = new ArrayList<>(softBounces.size() + 1);
        for (Instant bounce : softBounces) {
            if (!bounce.isBefore(keepFrom)) {
                kept.add(bounce);
            }
        }
        kept.add(at);
        kept.sort(null);
        return new EmailRecord(listOptOuts, suppression, kept);
    }

    /** How many soft bounces were reported at or after {@code from}. */
    public int softBouncesSince(Instant from) {
        int count = 0;
        for (Instant bounce : softBounces) {
            if (!bounce.isBefore(from)) {
                count++;
            }
        }
        return count;
    }
}
