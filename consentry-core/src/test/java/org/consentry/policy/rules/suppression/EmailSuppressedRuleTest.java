package org.consentry.policy.rules.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingEmail;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import org.consentry.policy.FactSource;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;

/** RFC 5965 complaints and RFC 3464 bounces stop a tenant's email to the address, whatever its purpose. */
class EmailSuppressedRuleTest {

    private final EmailSuppressedRule rule = new EmailSuppressedRule();

    @Test
    void aComplaintBlocksEveryEmailOfTheTenantWithTheReportAsEvidence() {
        for (Purpose purpose : new Purpose[] {Purpose.MARKETING, Purpose.TRANSACTIONAL}) {
            SendRequest request = marketingEmail().purpose(purpose).build();
            Outcome outcome = rule.check(request, facts().complained().of(request));
            assertThat(outcome.reason().code()).isEqualTo(ReasonCode.SUPPRESSED);
            assertThat(outcome.reason().message()).contains("ana@example.com complained about this account's email");
            assertThat(outcome.reason().evidence()).containsEntry("reason", "complaint").containsEntry("reporter", "SomeGenerator/1.0")
                    .containsEntry("at", "2026-03-02T10:00:00Z");
        }
    }

    @Test
    void textsAndUnreportedAddressesAreNotItsConcern() {
        SendRequest text = marketingSms().build();
        assertThat(rule.check(text, facts().complained().of(text)).passed()).isTrue();
        SendRequest email = marketingEmail().build();
        assertThat(rule.check(email, facts().of(email)).passed()).isTrue();
    }

    @Test
    void withoutTheLedgerItLeavesTheDecisionToStoreUnavailable() {
        SendRequest email = marketingEmail().build();
        assertThat(rule.check(email, facts().complained().unavailable(FactSource.LEDGER).of(email)).passed()).isTrue();
    }
}
