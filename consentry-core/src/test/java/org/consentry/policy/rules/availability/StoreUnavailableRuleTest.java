package org.consentry.policy.rules.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.policy.Effect;
import org.consentry.policy.FactSource;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;

class StoreUnavailableRuleTest {

    private final StoreUnavailableRule rule = new StoreUnavailableRule();

    @Test
    void defersWithoutATimeWhenTheLedgerDidNotAnswer() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().unavailable(FactSource.LEDGER).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.STORE_UNAVAILABLE);
        assertThat(outcome.reason().effect()).isEqualTo(Effect.DEFER);
        assertThat(outcome.notBefore()).isNull();
        assertThat(outcome.reason().message()).isEqualTo("The ledger store did not answer; retry later.");
    }

    @Test
    void namesEveryStoreThatDidNotAnswer() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request,
                facts().unavailable(FactSource.REGISTRY).unavailable(FactSource.LEDGER).of(request));
        assertThat(outcome.reason().message()).isEqualTo("The ledger and registry stores did not answer; retry later.");
    }

    @Test
    void passesWhenEveryStoreAnswered() {
        SendRequest request = marketingSms().build();
        assertThat(rule.check(request, facts().of(request)).passed()).isTrue();
    }
}
