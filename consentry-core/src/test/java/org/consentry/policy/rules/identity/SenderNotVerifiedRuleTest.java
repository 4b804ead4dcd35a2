package org.consentry.policy.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.SendRequests.transactionalSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.SenderStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SenderNotVerifiedRuleTest {

    private final SenderNotVerifiedRule rule = new SenderNotVerifiedRule();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "VERIFIED, true, ",
            "PENDING, false, is still awaiting verification",
            "UNKNOWN, false, is not a sender of this account",
    })
    void allowsOnlyVerifiedSenders(SenderStatus status, boolean allowed, String message) {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().sender(status).of(request));
        assertThat(outcome.passed()).isEqualTo(allowed);
        if (!allowed) {
            assertThat(outcome.reason().code()).isEqualTo(ReasonCode.SENDER_NOT_VERIFIED);
            assertThat(outcome.reason().message()).contains(message);
            assertThat(outcome.reason().evidence()).containsEntry("sender_status", status.wireName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PENDING", "UNKNOWN"})
    void bindsTransactionalMessagesToo(SenderStatus status) {
        SendRequest request = transactionalSms().build();
        assertThat(rule.check(request, facts().sender(status).of(request)).passed()).isFalse();
    }
}
