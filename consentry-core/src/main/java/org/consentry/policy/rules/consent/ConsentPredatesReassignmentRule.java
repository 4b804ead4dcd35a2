package org.consentry.policy.rules.consent;

import java.time.Instant;
import java.util.List;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStatus;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;

/**
 * A consent is the consent of whoever had the number then. When the Reassigned Numbers Database says the
 * number was permanently disconnected on or after the day the consent was given, the consent belongs to the
 * previous subscriber and covers nothing (47 CFR 64.1200(m)). The database speaks in days: a consent given on
 * the day of the disconnection, at whatever hour, is void.
 */
public final class ConsentPredatesReassignmentRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.channels(RuleScope.PHONE);
    private static final RuleInfo INFO = new RuleInfo("consent/reassigned-number",
            "A consent given on or before the number was permanently disconnected (reassigned numbers data) covers nothing.",
            "47 CFR 64.1200(m)", List.of(ReasonCode.CONSENT_PREDATES_REASSIGNMENT), List.of())
            .because("When a number is disconnected and given to someone else, the old owner's consent does not pass "
                    + "to the new one; the FCC's reassigned numbers database is the safe harbor.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        Instant disconnected = facts.registry().disconnectedAt();
        if (disconnected == null || !request.channel().isPhone() || !facts.recipient().valid()
                || !facts.knows(FactSource.REGISTRY) || !facts.knows(FactSource.LEDGER)) {
            return Outcome.pass();
        }
        Consent predating = null;
        for (Consent consent : facts.contact().consents()) {
            if (consent.status() != ConsentStatus.ACTIVE || !consent.covers(request.channel(), request.purpose())
                    || consent.capturedAt().isAfter(request.sendAt())) {
                continue;
            }
            if (!facts.registry().predatesDisconnection(consent.capturedAt())) {
                return Outcome.pass();
            }
            predating = consent;
        }
        if (predating == null) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason("The consent " + predating.id() + " was given at " + predating.capturedAt()
                        + ", but " + facts.recipient().key() + " was disconnected at " + disconnected
                        + " and may belong to someone else now.",
                Evidence.of("number", facts.recipient().key(), "consent_id", predating.id(),
                        "captured_at", predating.capturedAt().toString(), "disconnected_at", disconnected.toString())));
    }
}
