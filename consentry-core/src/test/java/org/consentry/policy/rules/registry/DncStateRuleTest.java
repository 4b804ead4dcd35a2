package org.consentry.policy.rules.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import java.util.List;
import org.consentry.consent.ConsentMethod;
import org.consentry.consent.RelationshipKind;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;

/** State Do-Not-Call lists, e.g. Tex. Bus. & Com. Code 304.052, Fla. Stat. 501.059(4). */
class DncStateRuleTest {

    private final DncStateRule rule = new DncStateRule();

    @Test
    void blocksMarketingToANumberOnAStateList() {
        SendRequest request = marketingSms().build();
        Outcome outcome = rule.check(request, facts().consentMethod(ConsentMethod.VERBAL).onStateDnc("FL").of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.DNC_STATE);
        assertThat(outcome.reason().evidence()).containsEntry("lists", List.of("state:FL"));
    }

    @Test
    void theSameExemptionsApply() {
        SendRequest request = marketingSms().at("2026-03-14T16:00:00Z").build();
        assertThat(rule.check(request, facts().onStateDnc("FL").of(request)).passed()).as("written consent").isTrue();
        assertThat(rule.check(request, facts().consentMethod(ConsentMethod.VERBAL).onStateDnc("FL")
                .relationship(RelationshipKind.PURCHASE, Instant.parse("2026-01-01T00:00:00Z")).of(request)).passed()).as("purchase").isTrue();
    }

    @Test
    void aNumberOnNoStateListPasses() {
        SendRequest request = marketingSms().build();
        assertThat(rule.check(request, facts().consentMethod(ConsentMethod.VERBAL).of(request)).passed()).isTrue();
    }
}
