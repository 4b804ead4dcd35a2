package org.consentry.policy.rules.consent;

import java.util.List;
import org.consentry.consent.ConsentStanding;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/**
 * Calls and texts need the recipient's prior express consent, written consent for telemarketing
 * (47 CFR 64.1200(a)(1)-(3)); providers demand it for every message, and for marketing email too. This
 * rule speaks when no consent at all is on record for the recipient.
 */
public final class ConsentMissingRule extends ConsentRule {

    private static final RuleInfo INFO = new RuleInfo("consent/missing",
            "Every call or text, and every marketing email, needs a consent on record for the recipient.",
            "47 CFR 64.1200(a)(1)-(3); CTIA Messaging Principles 5.1", List.of(ReasonCode.CONSENT_MISSING), List.of())
            .because("Calls and texts from autodialers, and marketing of any kind, need the recipient's prior "
                    + "consent; without a record of it there is no defence.");

    public ConsentMissingRule() {
        super(INFO, ConsentStanding.Kind.NONE);
    }

    @Override String message(SendRequest request, String address, ConsentStanding standing) {
        return "No consent is recorded for " + address + "; " + scope(request) + " needs one.";
    }
}
