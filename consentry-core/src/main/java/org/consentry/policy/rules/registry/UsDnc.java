package org.consentry.policy.rules.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStatus;
import org.consentry.consent.ContactState;
import org.consentry.consent.Relationship;
import org.consentry.consent.RelationshipKind;
import org.consentry.policy.Facts;
import org.consentry.policy.OptOutScope;
import org.consentry.policy.SendRequest;
import org.consentry.registry.RegistryFacts;

/**
 * What the US Do-Not-Call rules share: they bind telephone solicitations (marketing calls and texts) to US
 * numbers, and two things exempt a seller: the recipient's prior express written consent to its calls
 * (47 CFR 64.1200(c)(2)(ii)), or an established business relationship, 18 months from a purchase or 3
 * months from an inquiry (64.1200(f)(5)). A request to the seller not to call (its own list, an opt-out)
 * ends both: those rules speak for the channel it was made on, and an opt-out of texts or calls also ends the
 * relationship's exemption on the other. Neither passes to the next subscriber of a reassigned number: a
 * consent or relationship from on or before its disconnection exempts nothing (64.1200(m)).
 */
final class UsDnc {

    static final Set<String> US_REGIONS = Set.of("US", "PR", "VI", "GU", "AS", "MP");

    private UsDnc() {
    }

    static boolean binds(SendRequest request, Facts facts) {
        return request.purpose().isMarketing() && request.channel().isPhone() && facts.recipient().valid()
                && US_REGIONS.contains(facts.recipient().country());
    }

    /**
     * Whether an exemption applies: prior express written consent for this channel and purpose, or a business
     * relationship still in force (a purchase within 18 months, an inquiry within 3), given by the number's present
     * subscriber.
     */
    static boolean exempt(SendRequest request, Facts facts) {
        ContactState contact = facts.contact();
        RegistryFacts registry = facts.registry();
        Instant at = request.sendAt();
        List<Consent> consents = contact.consents();
        for (int i = 0; i < consents.size(); i++) { // by index: no iterator on every marketing send
            Consent consent = consents.get(i);
            if (consent.status() == ConsentStatus.ACTIVE && consent.isWritten() && consent.covers(request.channel(), request.purpose())
                    && !consent.capturedAt().isAfter(at) && !registry.predatesDisconnection(consent.capturedAt())) {
                return true;
            }
        }
        // A request to the seller to stop its calls or texts ends the business relationship for telemarketing, even if
        // the person goes on buying from it (64.1200(f)(5)(i)); a STOP to texts is such a request, texts being calls.
        if (contact.optOut(OptOutScope.SMS) != null || contact.optOut(OptOutScope.VOICE) != null) {
            return false;
        }
        Relationship purchase = contact.latest(RelationshipKind.PURCHASE);
        if (purchase != null && !purchase.at().isAfter(at) && !registry.predatesDisconnection(purchase.at()) && at.isBefore(purchase.at().atOffset(ZoneOffset.UTC).plusMonths(18).toInstant())) {
            return true;
        }
        Relationship inquiry = contact.latest(RelationshipKind.INQUIRY);
        return inquiry != null && !inquiry.at().isAfter(at) && !registry.predatesDisconnection(inquiry.at()) && at.isBefore(inquiry.at().atOffset(ZoneOffset.UTC).plusMonths(3).toInstant());
    }

    /** How old the national registry copy is at send time. */
    static Duration age(Instant asOf, Instant at) {
        return Duration.between(asOf, at);
    }
}
