package org.consentry.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;
import org.consentry.testing.SendRequests;

/**
 * For random consent histories (consents given, confirmed, withdrawn, revoked by an opt-out and brought back by an
 * opt-in, sent back to pending by a permission pass), a marketing text the consents let through rests on an active
 * consent covering it, given by send_at, that no withdrawal since cancelled (and confirmed, in Germany).
 */
class ConsentStandingProperties {

    private static final Instant SEND_AT = Instant.parse("2026-03-14T16:00:00Z");
    private static final Instant DAY_ZERO = SEND_AT.minus(Duration.ofDays(60));

    enum Kind { GRANT, GRANT_PENDING, GRANT_OTHER_SCOPE, CONFIRM, WITHDRAW, OPT_OUT, OPT_IN, PASS }

    record Step(Kind kind, int which, int day) {
    }

    @Property(tries = 5_000)
    void aTextLetThroughRestsOnACoveringConsentNoWithdrawalCancelled(@ForAll("histories") List<Step> history,
                                                                     @ForAll("countries") String country) {
        List<Consent> consents = new ArrayList<>();
        Map<String, Instant> withdrawnAt = new HashMap<>(); // the model: when each covering consent was withdrawn while in force
        boolean optedOut = false;
        for (Step step : history) {
            Instant at = DAY_ZERO.plus(Duration.ofDays(step.day()));
            int i = consents.isEmpty() ? -1 : step.which() % consents.size();
            switch (step.kind()) {
                case GRANT, GRANT_PENDING, GRANT_OTHER_SCOPE -> consents.add(Consent.recorded("c" + consents.size(),
                        step.kind() == Kind.GRANT_OTHER_SCOPE ? Channel.EMAIL : Channel.SMS, Purpose.MARKETING, ConsentMethod.WEB_FORM,
                        step.kind() == Kind.GRANT_PENDING ? ConsentStatus.PENDING : ConsentStatus.ACTIVE, step.which() % 2 == 0, at));
                case CONFIRM -> {
                    if (i >= 0) {
                        consents.set(i, consents.get(i).confirm());
                    }
                }
                case WITHDRAW -> {
                    if (i >= 0 && !at.isBefore(consents.get(i).capturedAt())) {
                        Consent consent = consents.get(i);
                        if (consent.status() == ConsentStatus.ACTIVE) {
                            withdrawnAt.put(consent.id(), at);
                        }
                        consents.set(i, consent.revoked(at, false));
                    }
                }
                case OPT_OUT -> { // revokes every consent of its scope, as OptOuts.optOut does
                    optedOut = true;
                    for (int k = 0; k < consents.size(); k++) {
                        Consent consent = consents.get(k);
                        if (consent.channel() == Channel.SMS && consent.status() != ConsentStatus.REVOKED) {
                            if (consent.status() == ConsentStatus.ACTIVE) {
                                withdrawnAt.put(consent.id(), at);
                            }
                            consents.set(k, consent.revoked(at, true));
                        }
                    }
                }
                case OPT_IN -> { // the recipient's START lifts the opt-out and brings back what it revoked
                    optedOut = false;
                    for (int k = 0; k < consents.size(); k++) {
                        Consent consent = consents.get(k);
                        if (consent.status() == ConsentStatus.REVOKED && consent.revokedByOptOut()) {
                            withdrawnAt.remove(consent.id());
                            consents.set(k, consent.reinstated());
                        }
                    }
                }
                case PASS -> {
                    if (i >= 0) {
                        consents.set(i, consents.get(i).awaitingReconfirmation());
                    }
                }
            }
        }
        SendRequest request = SendRequests.marketingSms().at(SEND_AT).build();
        ConsentStanding standing = ConsentStanding.of(request, new ContactState(consents, Map.of(), null), country);
        if (standing.kind() != ConsentStanding.Kind.GRANTED || optedOut) { // while opted out, OPTED_OUT blocks every text
            return;
        }
        Consent granted = standing.consent();
        assertThat(granted.status()).isEqualTo(ConsentStatus.ACTIVE);
        assertThat(granted.covers(Channel.SMS, Purpose.MARKETING)).isTrue();
        assertThat(granted.capturedAt()).isBeforeOrEqualTo(SEND_AT);
        if ("DE".equals(country)) {
            assertThat(granted.confirmed()).isTrue();
        }
        for (Consent consent : consents) {
            Instant withdrawn = withdrawnAt.get(consent.id());
            if (withdrawn != null && consent.channel() == Channel.SMS && !consent.capturedAt().isAfter(SEND_AT)) {
                assertThat(granted.capturedAt()).as("given after the withdrawal of " + consent.id()).isAfter(withdrawn);
            }
        }
    }

    @Provide Arbitrary<List<Step>> histories() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 62))
                .as(Step::new).list().ofMaxSize(8);
    }

    @Provide Arbitrary<String> countries() {
        return Arbitraries.of("US", "DE");
    }
}
