package org.consentry.policy.rules.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingEmail;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import org.consentry.consent.RelationshipKind;
import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CASL s.10(9)-(10): consent implied by a purchase lasts two years, by an inquiry six months. */
class ConsentExpiredRuleTest {

    private static final String TORONTO = "+14165550100";
    private final ConsentExpiredRule rule = new ConsentExpiredRule();
    private final ConsentMissingRule missing = new ConsentMissingRule();

    private static SendRequest textToCanada(String sendAt) {
        return marketingSms().to(TORONTO).at(sendAt).build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a day before two years after a purchase,  PURCHASE, 2024-03-14T16:00:00Z, 2026-03-13T16:00:00Z, false",
            "two years after the purchase,            PURCHASE, 2024-03-14T16:00:00Z, 2026-03-14T16:00:00Z, true",
            "a day after two years,                   PURCHASE, 2024-03-14T16:00:00Z, 2026-03-15T16:00:00Z, true",
            "a day before six months after an inquiry, INQUIRY,  2025-09-14T16:00:00Z, 2026-03-13T16:00:00Z, false",
            "six months after the inquiry,            INQUIRY,  2025-09-14T16:00:00Z, 2026-03-14T16:00:00Z, true",
    })
    void impliedConsentLastsItsTerm(String description, RelationshipKind kind, Instant relationshipAt, String sendAt, boolean expired) {
        SendRequest request = textToCanada(sendAt);
        Outcome outcome = rule.check(request, facts().noConsent().relationship(kind, relationshipAt).of(request));
        assertThat(outcome.passed()).as(description).isEqualTo(!expired);
        assertThat(missing.check(request, facts().noConsent().relationship(kind, relationshipAt).of(request)).passed())
                .as("the standing is implied or expired, never missing").isTrue();
    }

    @Test
    void explainsTheTermThatEnded() {
        SendRequest request = textToCanada("2026-03-14T16:00:00Z");
        Outcome outcome = rule.check(request, facts().noConsent().relationship(RelationshipKind.INQUIRY, Instant.parse("2025-01-10T12:00:00Z")).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.CONSENT_EXPIRED);
        assertThat(outcome.reason().message()).contains("inquiry").contains("expired at 2025-07-10T12:00:00Z");
        assertThat(outcome.reason().evidence()).containsEntry("implied_until", "2025-07-10T12:00:00Z").containsEntry("country", "CA");
    }

    @Test
    void appliesToEmailAtCanadianDomainsAndNotToCalls() {
        SendRequest email = marketingEmail().to("jean@exemple.ca").at("2026-03-14T16:00:00Z").build();
        assertThat(rule.check(email, facts().noConsent().relationship(RelationshipKind.PURCHASE, Instant.parse("2020-01-01T00:00:00Z"))
                .of(email)).passed()).isFalse();
        SendRequest call = marketingSms().channel(Channel.VOICE).to(TORONTO).build();
        assertThat(rule.check(call, facts().noConsent().relationship(RelationshipKind.PURCHASE, Instant.parse("2020-01-01T00:00:00Z"))
                .of(call)).passed()).isTrue();
    }

    @Test
    void aUsRecipientHasNoImpliedConsent() {
        SendRequest request = marketingSms().build();
        var facts = facts().noConsent().relationship(RelationshipKind.PURCHASE, Instant.parse("2020-01-01T00:00:00Z")).of(request);
        assertThat(rule.check(request, facts).passed()).isTrue();
        assertThat(missing.check(request, facts).passed()).isFalse();
    }
}
