package org.consentry.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.MIAMI;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consentry.policy.rules.StandardRulebook;
import org.consentry.tenant.SenderStatus;
import org.consentry.tenant.TenantStatus;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

    private final PolicyEngine engine = new PolicyEngine(StandardRulebook.load());

    @Test
    void allowsALawfulMarketingTextWithNoReasons() {
        SendRequest request = marketingSms().at("2026-03-14T12:00", MIAMI).build();
        Verdict verdict = engine.evaluate(request, facts().of(request));
        assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.notBefore()).isNull();
    }

    @Test
    void reportsEveryReasonInRulebookOrder() {
        SendRequest request = marketingSms().at("2026-03-14T22:00", MIAMI).build();
        Verdict verdict = engine.evaluate(request, facts()
                .tenantStatus(TenantStatus.SUSPENDED, "unanswered proof request")
                .sender(SenderStatus.UNKNOWN)
                .noConsent()
                .onInternalDnc()
                .of(request));
        assertThat(verdict.reasons()).extracting(Reason::code).containsExactly(
                ReasonCode.ACCOUNT_SUSPENDED, ReasonCode.SENDER_NOT_VERIFIED, ReasonCode.CONSENT_MISSING,
                ReasonCode.DNC_INTERNAL, ReasonCode.QUIET_HOURS, ReasonCode.QUIET_HOURS);
        assertThat(verdict.reasons()).extracting(Reason::rule).contains("quiet-hours/us-federal", "quiet-hours/us-fl");
        assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
        assertThat(verdict.notBefore()).as("a blocked message has no lawful time").isNull();
    }

    @Test
    void aDeferralAloneDefersWithItsTime() {
        SendRequest request = marketingSms().at("2026-03-14T22:00", MIAMI).build();
        Verdict verdict = engine.evaluate(request, facts().of(request));
        assertThat(verdict.decision()).isEqualTo(Decision.DEFER);
        assertThat(verdict.notBefore()).isEqualTo(Instant.parse("2026-03-15T12:00:00Z"));
    }

    @Test
    void theLatestTimeOfSeveralDeferralsWins() {
        Instant early = Instant.parse("2026-03-15T12:00:00Z");
        Instant late = Instant.parse("2026-03-16T12:00:00Z");
        PolicyEngine twoDeferrals = new PolicyEngine(new Rulebook(List.of(
                deferringUntil("a", early), deferringUntil("b", late))));
        SendRequest request = marketingSms().build();
        assertThat(twoDeferrals.evaluate(request, facts().of(request)).notBefore()).isEqualTo(late);
    }

    @Test
    void aDeferralWithoutATimeLeavesNotBeforeUnset() {
        PolicyEngine twoDeferrals = new PolicyEngine(new Rulebook(List.of(
                deferringUntil("a", Instant.parse("2026-03-15T12:00:00Z")), deferringUntil("b", null))));
        SendRequest request = marketingSms().build();
        Verdict verdict = twoDeferrals.evaluate(request, facts().of(request));
        assertThat(verdict.decision()).isEqualTo(Decision.DEFER);
        assertThat(verdict.notBefore()).isNull();
    }

    @Test
    void notBeforeIsWhenEveryTimingRuleAgrees() {
        // Saturday 21:30 in Houston: the federal window opens Sunday 08:00, Texas only at noon
        SendRequest request = marketingSms().to("+17135550100").at("2026-03-14T21:30", java.time.ZoneId.of("America/Chicago")).build();
        Verdict verdict = engine.evaluate(request, facts().of(request));
        assertThat(verdict.decision()).isEqualTo(Decision.DEFER);
        assertThat(verdict.notBefore()).isEqualTo(java.time.LocalDateTime.parse("2026-03-15T12:00")
                .atZone(java.time.ZoneId.of("America/Chicago")).toInstant());
    }

    @Test
    void aNoticeDoesNotChangeTheDecision() {
        SendRequest request = marketingSms().at("2026-03-14T12:00", MIAMI).build();
        Verdict verdict = engine.evaluate(request, facts().consentMethod(org.consentry.consent.ConsentMethod.VERBAL)
                .nationalRegistryAsOf(java.time.Instant.parse("2026-02-14T00:00:00Z")).of(request));
        assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
        assertThat(verdict.notices()).extracting(Reason::code).containsExactly(ReasonCode.DNC_LIST_STALE);
    }

    @Test
    void anEmergencyNumberIsBlockedWhateverElseHolds() {
        SendRequest request = marketingSms().to("911").at("2026-03-14T12:00", MIAMI).build();
        Verdict verdict = engine.evaluate(request, facts().of(request));
        assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
        assertThat(verdict.hasReason(ReasonCode.EMERGENCY_NUMBER)).isTrue();
    }

    @Test
    void aRuleThatThrowsBlocksWithItsOwnCode() {
        Rule broken = new Rule() {
            @Override public RuleInfo info() {
                return new RuleInfo("timing/broken", "breaks", "none", List.of(ReasonCode.QUIET_HOURS), List.of());
            }

            @Override public Outcome check(SendRequest request, Facts facts) {
                throw new IllegalStateException("zone data missing");
            }
        };
        PolicyEngine failing = new PolicyEngine(new Rulebook(List.of(broken)));
        SendRequest request = marketingSms().build();
        Verdict verdict = failing.evaluate(request, facts().of(request));
        assertThat(verdict.decision()).isEqualTo(Decision.BLOCK);
        Reason reason = verdict.reasons().get(0);
        assertThat(reason.code()).isEqualTo(ReasonCode.QUIET_HOURS);
        assertThat(reason.effect()).isEqualTo(Effect.BLOCK);
        assertThat(reason.evidence()).containsEntry("rule_error", "IllegalStateException: zone data missing");
    }

    @Test
    void aStoreThatDidNotAnswerDefersInsteadOfBlockingOnMissingFacts() {
        SendRequest request = marketingSms().at("2026-03-14T12:00", MIAMI).build();
        Verdict verdict = engine.evaluate(request, facts().noConsent().unavailable(FactSource.LEDGER).of(request));
        assertThat(verdict.decision()).isEqualTo(Decision.DEFER);
        assertThat(verdict.reasons()).extracting(Reason::code).containsExactly(ReasonCode.STORE_UNAVAILABLE);
    }

    private static Rule deferringUntil(String id, Instant notBefore) {
        return new Rule() {
            @Override public RuleInfo info() {
                return new RuleInfo(id, "defers", "none", List.of(ReasonCode.THROTTLED), List.of());
            }

            @Override public Outcome check(SendRequest request, Facts facts) {
                if (notBefore != null && !request.sendAt().isBefore(notBefore)) {
                    return Outcome.pass();
                }
                return Outcome.defer(info().reason("held", Map.of()), notBefore);
            }
        };
    }
}
