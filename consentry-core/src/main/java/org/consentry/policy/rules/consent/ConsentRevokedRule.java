package org.consentry.policy.rules.consent;

import java.util.List;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStanding;
import org.consentry.ledger.LedgerTimes;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/** A consent withdrawn by any reasonable means no longer counts (47 CFR 64.1200(a)(10)). */
public final class ConsentRevokedRule extends ConsentRule {

    private static final RuleInfo INFO = new RuleInfo("consent/revoked",
            "A withdrawn consent no longer covers anything.",
            "47 CFR 64.1200(a)(10)", List.of(ReasonCode.CONSENT_REVOKED), List.of())
            .because("A consent withdrawn in any reasonable way ends at once; using it afterwards is sending without "
                    + "consent.");

    public ConsentRevokedRule() {
        super(INFO, ConsentStanding.Kind.REVOKED);
    }

    @Override String message(SendRequest request, String address, ConsentStanding standing) {
        Consent consent = standing.consent();
        return "The consent " + consent.id() + " of " + address + " for " + scope(request) + " was revoked at "
                + LedgerTimes.format(consent.revokedAt()) + ".";
    }
}
