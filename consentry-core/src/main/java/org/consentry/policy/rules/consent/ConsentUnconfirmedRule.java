package org.consentry.policy.rules.consent;

import java.util.List;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStanding;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/** Under double opt-in, a consent counts only once the recipient confirmed it (reply YES, or the email link). */
public final class ConsentUnconfirmedRule extends ConsentRule {

    private static final RuleInfo INFO = new RuleInfo("consent/unconfirmed",
            "A consent recorded under double opt-in, or a German recipient's marketing consent, counts only once the recipient confirmed it.",
            "Provider acceptable-use policy (double opt-in); UWG s.7(2) (Germany)", List.of(ReasonCode.CONSENT_UNCONFIRMED), List.of())
            .because("A consent that was never confirmed may have been typed in by someone else; double opt-in, and "
                    + "German law for marketing, demand the confirmation before the first message.");

    public ConsentUnconfirmedRule() {
        super(INFO, ConsentStanding.Kind.PENDING);
    }

    @Override String message(SendRequest request, String address, ConsentStanding standing) {
        Consent consent = standing.consent();
        return "The consent " + consent.id() + " of " + address + " for " + scope(request)
                + (consent.status() == org.consentry.consent.ConsentStatus.ACTIVE
                    ? " was never confirmed, and German recipients' marketing consent counts only once confirmed (double opt-in)."
                    : " awaits its double opt-in confirmation.");
    }
}
