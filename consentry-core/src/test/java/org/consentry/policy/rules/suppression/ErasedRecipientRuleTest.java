package org.consentry.policy.rules.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.SendRequests.transactionalSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import org.consentry.policy.FactSource;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;

/** GDPR art. 17 and 21(3): an erased recipient gets nothing more from the tenant, whatever the purpose. */
class ErasedRecipientRuleTest {

    private static final Instant ERASED = Instant.parse("2026-03-01T09:00:00Z");
    private final ErasedRecipientRule rule = new ErasedRecipientRule();

    @Test
    void anErasedRecipientGetsNothingNotEvenTransactional() {
        for (SendRequest request : new SendRequest[] {marketingSms().build(), transactionalSms().build()}) {
            Outcome outcome = rule.check(request, facts().erased(ERASED).of(request));
            assertThat(outcome.reason().code()).isEqualTo(ReasonCode.SUPPRESSED);
            assertThat(outcome.reason().message()).contains("erased at their request on 2026-03-01T09:00:00Z");
            assertThat(outcome.reason().evidence()).containsEntry("erased_at", ERASED.toString());
        }
    }

    @Test
    void othersPass() {
        SendRequest request = marketingSms().build();
        assertThat(rule.check(request, facts().of(request)).passed()).isTrue();
    }

    @Test
    void withoutTheLedgerTheRuleCannotTellAndStoreUnavailableDecides() {
        SendRequest request = marketingSms().build();
        assertThat(rule.check(request, facts().erased(ERASED).unavailable(FactSource.LEDGER).of(request)).passed()).isTrue();
    }
}
