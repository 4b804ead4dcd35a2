package org.consentry.policy.rules.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.SendRequests.transactionalSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import org.consentry.consent.ConsentMethod;
import org.consentry.consent.RelationshipKind;
import org.consentry.policy.Channel;
import org.consentry.policy.OptOutScope;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 47 CFR 64.1200(c)(2), with the exemptions of (c)(2)(ii) (written consent) and (f)(5) (business relationship). */
class DncNationalRuleTest {

    private final DncNationalRule rule = new DncNationalRule();

    @Test
    void blocksMarketingToARegisteredNumberWithoutAnExemption() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().consentMethod(ConsentMethod.VERBAL).onNationalDnc().of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.DNC_NATIONAL);
        assertThat(outcome.reason().message()).contains("no written consent, no business relationship");
    }

    @Test
    void writtenConsentExempts() {
        SendRequest request = marketingSms().build();
        assertThat(rule.check(request, facts().onNationalDnc().of(request)).passed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "purchase 17 months before: exempt,  PURCHASE, 2024-10-14T16:00:00Z, true",
            "purchase 18 months before: not,     PURCHASE, 2024-09-14T16:00:00Z, false",
            "inquiry 2 months before: exempt,    INQUIRY,  2026-01-14T16:00:00Z, true",
            "inquiry 3 months before: not,       INQUIRY,  2025-12-14T16:00:00Z, false",
    })
    void aBusinessRelationshipExemptsForItsTerm(String description, RelationshipKind kind, Instant at, boolean exempt) {
        SendRequest request = marketingSms().at("2026-03-14T16:00:00Z").build();
        Outcome outcome = rule.check(request, facts().consentMethod(ConsentMethod.API).onNationalDnc().relationship(kind, at).of(request));
        assertThat(outcome.passed()).as(description).isEqualTo(exempt);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "written consent on the day of the disconnection: not exempt,     2026-02-01T12:00:00Z, false",
            "written consent the day after the disconnection: exempt,         2026-01-31T12:00:00Z, true",
    })
    void aPreviousSubscribersWrittenConsentExemptsNothing(String description, Instant disconnected, boolean exempt) {
        SendRequest request = marketingSms().build(); // the default consent is written, captured 2026-02-01T12:00Z
        Outcome outcome = rule.check(request, facts().onNationalDnc().disconnectedAt(disconnected).of(request));
        assertThat(outcome.passed()).as(description).isEqualTo(exempt);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "purchase before the disconnection: not exempt, PURCHASE, 2026-01-05T00:00:00Z, false",
            "inquiry before the disconnection: not exempt,  INQUIRY,  2026-01-20T00:00:00Z, false",
            "purchase after the disconnection: exempt,      PURCHASE, 2026-03-01T00:00:00Z, true",
    })
    void aPreviousSubscribersBusinessRelationshipExemptsNothing(String description, RelationshipKind kind, Instant at, boolean exempt) {
        SendRequest request = marketingSms().at("2026-03-14T16:00:00Z").build();
        Outcome outcome = rule.check(request, facts().consentMethod(ConsentMethod.VERBAL).onNationalDnc().relationship(kind, at)
                .disconnectedAt(Instant.parse("2026-02-01T00:00:00Z")).of(request));
        assertThat(outcome.passed()).as(description).isEqualTo(exempt);
    }

    @ParameterizedTest(name = "a call after an opt-out of {0}: exempt={1}")
    @CsvSource({
            "SMS,   false",
            "VOICE, false",
            "EMAIL, true",
    })
    void aRequestToStopEndsTheBusinessRelationship(OptOutScope scope, boolean exempt) {
        SendRequest call = marketingSms().channel(Channel.VOICE).at("2026-03-14T16:00:00Z").build();
        Outcome outcome = rule.check(call, facts().consentMethod(ConsentMethod.VERBAL).onNationalDnc()
                .relationship(RelationshipKind.PURCHASE, Instant.parse("2026-01-05T00:00:00Z"))
                .optedOut(scope, Instant.parse("2026-02-01T00:00:00Z")).of(call));
        assertThat(outcome.passed()).isEqualTo(exempt);
    }

    @Test
    void transactionalAndUnlistedNumbersPass() {
        SendRequest transactional = transactionalSms().build();
        assertThat(rule.check(transactional, facts().consentMethod(ConsentMethod.VERBAL).onNationalDnc().of(transactional)).passed()).isTrue();
        SendRequest request = marketingSms().build();
        assertThat(rule.check(request, facts().consentMethod(ConsentMethod.VERBAL).of(request)).passed()).isTrue();
    }

    @Test
    void bindsUsNumbersOnly() {
        SendRequest toronto = marketingSms().to("+14165550100").build();
        assertThat(rule.check(toronto, facts().consentMethod(ConsentMethod.VERBAL).onNationalDnc().of(toronto)).passed()).isTrue();
    }
}
