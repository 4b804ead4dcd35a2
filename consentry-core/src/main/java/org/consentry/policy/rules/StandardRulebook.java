package org.consentry.policy.rules;

import java.util.List;
import org.consentry.policy.Rulebook;
import org.consentry.policy.rules.address.EmergencyNumberRule;
import org.consentry.policy.rules.address.EmergencyNumbers;
import org.consentry.policy.rules.address.InvalidAddressRule;
import org.consentry.policy.rules.availability.StoreUnavailableRule;
import org.consentry.policy.rules.consent.ConsentMissingRule;
import org.consentry.policy.rules.consent.ConsentRevokedRule;
import org.consentry.policy.rules.consent.ConsentScopeRule;
import org.consentry.policy.rules.consent.ConsentUnconfirmedRule;
import org.consentry.policy.rules.identity.AccountSuspendedRule;
import org.consentry.policy.rules.identity.SenderNotVerifiedRule;
import org.consentry.policy.rules.registry.DncInternalRule;
import org.consentry.policy.rules.suppression.OptedOutRule;
import org.consentry.policy.rules.timing.QuietHoursPack;
import org.consentry.policy.rules.timing.QuietHoursRule;

/**
 * The rulebook Consentry runs, in the order reasons are reported: the address, then who sends, then the
 * recipient's wishes, consent, lists and timing. Adding a rule is one class, its test, and one line here.
 */
public final class StandardRulebook {

    private StandardRulebook() {
    }

    /** Loads the rule data files; a bad one fails here with its file, line and key. */
    public static Rulebook load() {
        return new Rulebook(List.of(
                new InvalidAddressRule(),
                new EmergencyNumberRule(EmergencyNumbers.load()),
                new AccountSuspendedRule(),
                new SenderNotVerifiedRule(),
                new OptedOutRule(),
                new ConsentMissingRule(),
                new ConsentUnconfirmedRule(),
                new ConsentRevokedRule(),
                new ConsentScopeRule(),
                new DncInternalRule(),
                new QuietHoursRule(QuietHoursPack.load("us-federal")),
                new StoreUnavailableRule()));
    }
}
