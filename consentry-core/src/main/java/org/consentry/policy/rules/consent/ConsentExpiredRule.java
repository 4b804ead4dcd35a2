package org.consentry.policy.rules.consent;

import java.util.List;
import org.consentry.consent.ConsentStanding;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/**
 * Canada's anti-spam law lets a business relationship imply consent to commercial email and texts for a
 * while only: two years from a purchase, six months from an inquiry (CASL s.10(9)-(10)). After that,
 * without express consent, the message may not be sent.
 */
public final class ConsentExpiredRule extends ConsentRule {

    private static final RuleInfo INFO = new RuleInfo("consent/expired",
            "Consent implied by a business relationship (Canada) lasts 2 years from a purchase, 6 months from an inquiry.",
            "CASL s.10(9)-(10)", List.of(ReasonCode.CONSENT_EXPIRED), List.of())
            .because("Canada's CASL lets a business relationship imply consent only for a limited time; after it, "
                    + "the sender needs express consent.");

    public ConsentExpiredRule() {
        super(INFO, ConsentStanding.Kind.EXPIRED);
    }

    @Override String message(SendRequest request, String address, ConsentStanding standing) {
        return "The consent " + address + " implied by a " + standing.relationship().kind().wireName() + " at "
                + standing.relationship().at() + " expired at " + ConsentStanding.until(standing.relationship())
                + "; " + scope(request) + " to Canada needs express consent now.";
    }
}
