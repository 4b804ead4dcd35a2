package org.consentry.policy.rules.identity;

import java.util.List;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.TenantProfile;

/** A suspended or terminated tenant sends nothing until the provider resumes it. */
public final class AccountSuspendedRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo("identity/account-status",
            "Only an active tenant may send; suspended and terminated tenants are blocked.",
            "Provider acceptable-use policy", List.of(ReasonCode.ACCOUNT_SUSPENDED), List.of())
            .because("A provider that has suspended an account for abuse must stop its traffic at once; a message "
                    + "sent after suspension is the provider's liability.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        TenantProfile tenant = facts.tenant();
        if (tenant.status().maySend() || !facts.knows(FactSource.LEDGER)) {
            return Outcome.pass();
        }
        String why = tenant.statusReason() == null ? "" : " (" + tenant.statusReason() + ")";
        return Outcome.block(INFO.reason(
                "The account " + tenant.id() + " is " + tenant.status().wireName() + why + "; it may not send.",
                Evidence.of("tenant", tenant.id(), "status", tenant.status().wireName(), "status_reason", tenant.statusReason())));
    }
}
