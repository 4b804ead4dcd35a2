package org.consentry.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.consentry.consent.ConsentStatus;
import org.consentry.consent.RelationshipKind;
import org.consentry.policy.rules.StandardRulebook;
import org.consentry.recipient.LineType;
import org.consentry.tenant.DailyHours;
import org.consentry.tenant.FrequencyCap;
import org.consentry.tenant.TenantPlan;
import org.consentry.tenant.TenantSettings;
import org.consentry.testing.SendRequests;
import org.consentry.testing.TestFacts;

/**
 * The engine skips a rule whose scope does not cover a send. That is only sound if the rule would have passed
 * anyway: for random sends and facts, every rule of the rulebook passes without a notice outside its scope.
 */
class RuleScopeProperties {

    private static final List<Rule> RULES = StandardRulebook.load().rules();
    private static final Instant BASE = Instant.parse("2026-03-14T00:00:00Z");
    private static final List<String> RECIPIENTS = List.of("+13055550100", "+17135550100", "+12125550100", "+14165550100",
            "+16045550100", "+33612345678", "+33123456789", "+4915112345678", "+15005550100", "+12055550100", "+14025550100",
            "+19075550100", "911", "12345", "ana@example.com", "max@beispiel.de", "luc@exemple.ca", "not an address");
    private static final List<String> BODIES = List.of("", "Acme: spring sale, 20% off today. Reply STOP to opt out.",
            "Spring sale at bit.ly/x1", "Acme Casino: free spins! verify your password at http://185.2.3.4/x",
            "Hi, this is Acme. Call 800-555-0199. Press 9 to be removed.",
            "<p>Acme</p><p>1 Main St</p><a href='https://acme.example/u'>unsubscribe</a>", "RE: your invoice");

    /** A send and the facts around it, varied in everything a rule looks at. */
    record Case(SendRequest request, Facts facts) {
        @Override public String toString() {
            return request.toString();
        }
    }

    @Property(tries = 3000)
    void everyRulePassesSilentlyOutsideItsScope(@ForAll("cases") Case sample) {
        SendRequest request = sample.request();
        Facts facts = sample.facts();
        for (Rule rule : RULES) {
            if (rule.scope().covers(request.channel(), request.purpose(), facts.recipient())) {
                continue;
            }
            Outcome outcome = rule.check(request, facts);
            assertThat(outcome.passed()).as("%s outside its scope blocked %s: %s", rule.info().id(), request, outcome.reason()).isTrue();
            assertThat(outcome.notice()).as("%s outside its scope gave a notice", rule.info().id()).isNull();
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<SendRequest> requests = Combinators.combine(
                Arbitraries.of(Channel.class), Arbitraries.of(Purpose.class), Arbitraries.of(RECIPIENTS),
                Arbitraries.of(BODIES).injectNull(0.1), Arbitraries.integers().between(0, 24 * 60 * 9),
                Arbitraries.of(true, false).list().ofSize(3), Arbitraries.of("FL", "TX", "ZZ").injectNull(0.7))
                .as((channel, purpose, to, body, minutes, flags, state) -> SendRequests.marketingSms()
                        .channel(channel).purpose(purpose).to(to).body(body).at(BASE.plus(Duration.ofMinutes(minutes)))
                        .aiVoice(flags.get(0)).prerecorded(flags.get(1)).recorded(flags.get(2)).state(state)
                        .from(channel == Channel.EMAIL ? "news@acme.example" : SendRequests.SENDER).topic("sale").build());
        return Combinators.combine(requests, Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as((request, bits) -> new Case(request, facts(request, bits)));
    }

    /** Facts with each kind of thing a rule can trip on switched on by one bit. */
    private static Facts facts(SendRequest request, int bits) {
        TestFacts facts = TestFacts.facts();
        if ((bits & 1) != 0) {
            facts.noConsent();
        }
        if ((bits & 2) != 0) {
            facts.optedOut(request.channel().optOutScope());
        }
        if ((bits & 4) != 0) {
            facts.onInternalDnc();
        }
        if ((bits & 8) != 0) {
            facts.onNationalDnc();
        }
        if ((bits & 16) != 0) {
            facts.onStateDnc("FL");
        }
        if ((bits & 32) != 0) {
            facts.nationalRegistryAsOf((bits & 64) != 0 ? null : BASE.minus(Duration.ofDays(28)));
        }
        if ((bits & 128) != 0) {
            facts.blocked();
        }
        if ((bits & 256) != 0) {
            facts.disconnectedAt(BASE.minus(Duration.ofDays(3)));
        }
        if ((bits & 512) != 0) {
            facts.lineType((bits & 1024) != 0 ? LineType.MOBILE : LineType.LANDLINE);
        }
        if ((bits & 2048) != 0) {
            facts.relationship(RelationshipKind.PURCHASE, BASE.minus(Duration.ofDays(900)));
        }
        if ((bits & 4096) != 0) {
            for (int i = 0; i < 4; i++) {
                facts.sent(request.sendAt().minus(Duration.ofMinutes(30 + i * 60)), request.channel(), Purpose.MARKETING, "sale",
                        request.body() == null ? "Acme offer" : request.body());
                facts.tenantSent(request.sendAt().minusSeconds(10 + i));
            }
        }
        if ((bits & 8192) != 0) {
            facts.settings(new TenantSettings(true, true, false, List.of(new FrequencyCap(1, 24, FrequencyCap.Per.RECIPIENT)),
                    new DailyHours(LocalTime.of(10, 0), LocalTime.of(18, 0)), 600, 10_000));
            facts.plan(new TenantPlan(Map.of(Channel.SMS, Set.of(Purpose.TRANSACTIONAL)), 2));
        }
        if ((bits & 16384) != 0) {
            facts.consent(request.channel(), request.purpose(), ConsentStatus.PENDING);
            facts.agreedFrequency("1/week");
        }
        if ((bits & 32768) != 0) {
            facts.unavailable(FactSource.LEDGER);
        }
        if ((bits & 65536) != 0) {
            facts.sender(org.consentry.tenant.SenderStatus.PENDING);
        }
        return facts.of(request);
    }
}
