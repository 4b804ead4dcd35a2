package org.consentry.policy.rules.consent;

import java.util.List;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStanding;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/**
 * Consent is given to a program and does not transfer: a transactional consent does not cover marketing,
 * an email consent does not cover texts (TCPA; CTIA Messaging Principles 5.1).
 */
public final class ConsentScopeRule extends ConsentRule {

    private static final RuleInfo INFO = new RuleInfo("consent/scope",
            "A consent covers only its own channel (SMS also MMS) and purpose.",
            "47 CFR 64.1200(a)(2); CTIA Messaging Principles 5.1", List.of(ReasonCode.CONSENT_SCOPE), List.of())
            .because("Consent is given for one channel and one purpose; agreeing to order updates is not agreeing to "
                    + "marketing, and a text consent is not a call consent.");

    public ConsentScopeRule() {
        super(INFO, ConsentStanding.Kind.OTHER_SCOPE);
    }

    @Override String message(SendRequest request, String address, ConsentStanding standing) {
        Consent consent = standing.consent();
        return address + " consented to " + consent.purpose().wireName() + " " + consent.channel().wireName()
                + " (" + consent.id() + "), not to " + scope(request) + ".";
    }
}
