package org.consentry.policy.rules.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.SendRequests.transactionalSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;

class SuppressedRuleTest {

    private final SuppressedRule rule = new SuppressedRule();

    @Test
    void anAddressOnTheProvidersBlockListGetsNothing() {
        SendRequest request = transactionalSms().build();
        Outcome outcome = rule.check(request, facts().blocked().of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.SUPPRESSED);
        assertThat(outcome.reason().message()).isEqualTo("+13055550100 is on the provider's block list.");
    }

    @Test
    void othersPass() {
        SendRequest request = marketingSms().build();
        assertThat(rule.check(request, facts().of(request)).passed()).isTrue();
    }
}
