package org.consentry.policy.rules.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.consentry.policy.Channel;
import org.consentry.policy.OptOutScope;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.TenantPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurposeNotPermittedRuleTest {

    private static final TenantPlan TRANSACTIONAL_SMS = new TenantPlan(Map.of(Channel.SMS, Set.of(Purpose.TRANSACTIONAL)), 0);
    private static final Instant OPTED_OUT = Instant.parse("2026-03-14T17:00:00Z");
    private final PurposeNotPermittedRule rule = new PurposeNotPermittedRule();

    @Test
    void aTransactionalOnlyPlanSendsNoMarketingTexts() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().plan(TRANSACTIONAL_SMS).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.PURPOSE_NOT_PERMITTED);
        assertThat(outcome.reason().message()).isEqualTo("The account's plan does not permit marketing messages on sms.");
        SendRequest email = marketingSms().channel(Channel.EMAIL).to("ana@example.com").build();
        assertThat(rule.check(email, facts().plan(TRANSACTIONAL_SMS).of(email)).passed()).as("other channels").isTrue();
    }

    @Test
    void anSmsPlanBindsMmsUnlessMmsHasTermsOfItsOwn() {
        SendRequest mms = marketingSms().channel(Channel.MMS).build();
        Outcome outcome = rule.check(mms, facts().plan(TRANSACTIONAL_SMS).of(mms));
        assertThat(outcome.passed()).as("a picture does not turn a transactional-only text plan into a marketing one").isFalse();
        assertThat(outcome.reason().message()).isEqualTo("The account's plan does not permit marketing messages on mms.");
        TenantPlan mmsMarketing = new TenantPlan(Map.of(Channel.SMS, Set.of(Purpose.TRANSACTIONAL),
                Channel.MMS, Set.of(Purpose.MARKETING)), 0);
        assertThat(rule.check(mms, facts().plan(mmsMarketing).of(mms)).passed()).isTrue();
    }

    @ParameterizedTest(name = "{0} seconds after the opt-out: allowed={1}")
    @CsvSource({"0, true", "299, true", "300, false"})
    void oneOptOutConfirmationWithinFiveMinutes(long seconds, boolean allowed) {
        SendRequest request = marketingSms().purpose(Purpose.OPT_OUT_CONFIRMATION).at(OPTED_OUT.plusSeconds(seconds)).build();
        assertThat(rule.check(request, facts().optedOut(OptOutScope.SMS, OPTED_OUT).of(request)).passed()).isEqualTo(allowed);
    }

    @Test
    void aRestrictedPlanStillConfirmsAnOptOut() {
        SendRequest request = marketingSms().purpose(Purpose.OPT_OUT_CONFIRMATION).body("Acme: you are unsubscribed.")
                .at(OPTED_OUT.plusSeconds(60)).build();
        assertThat(rule.check(request, facts().plan(TRANSACTIONAL_SMS).optedOut(OptOutScope.SMS, OPTED_OUT).of(request)).passed())
                .as("the plan's terms are about what a tenant sends, not the confirmation an opt-out is owed").isTrue();
        assertThat(rule.check(request, facts().plan(TRANSACTIONAL_SMS).of(request)).passed()).as("but only after an opt-out").isFalse();
    }

    @Test
    void onlyOnceAndOnlyAfterAnOptOut() {
        SendRequest request = marketingSms().purpose(Purpose.OPT_OUT_CONFIRMATION).at(OPTED_OUT.plusSeconds(60)).build();
        assertThat(rule.check(request, facts().optedOut(OptOutScope.SMS, OPTED_OUT)
                .sent(OPTED_OUT.plusSeconds(5), Channel.SMS, Purpose.OPT_OUT_CONFIRMATION, null, "Acme: you are unsubscribed").of(request))
                .passed()).isFalse();
        Outcome nothingToConfirm = rule.check(request, facts().of(request));
        assertThat(nothingToConfirm.reason().message()).isEqualTo("There is no opt-out of sms to confirm.");
    }
}
