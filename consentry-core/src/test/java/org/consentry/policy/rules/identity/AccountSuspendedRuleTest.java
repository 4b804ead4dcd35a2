package org.consentry.policy.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.SendRequests.transactionalSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.policy.FactSource;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.TenantStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccountSuspendedRuleTest {

    private final AccountSuspendedRule rule = new AccountSuspendedRule();

    @Test
    void allowsAnActiveTenant() {
        SendRequest request = marketingSms().build();
        assertThat(rule.check(request, facts().of(request)).passed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = TenantStatus.class, names = {"SUSPENDED", "TERMINATED"})
    void blocksEveryMessageOfATenantThatMayNotSend(TenantStatus status) {
        SendRequest request = transactionalSms().build();
        Outcome outcome = rule.check(request, facts().tenantStatus(status, "complaint rate 1.2%").of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.ACCOUNT_SUSPENDED);
        assertThat(outcome.reason().message()).contains(status.wireName()).contains("complaint rate 1.2%");
        assertThat(outcome.reason().evidence()).containsEntry("status", status.wireName());
    }

    @Test
    void leavesTheDecisionToStoreUnavailableWhenTheLedgerDidNotAnswer() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request,
                facts().tenantStatus(TenantStatus.SUSPENDED, null).unavailable(FactSource.LEDGER).of(request));
        assertThat(outcome.passed()).isTrue();
    }
}
