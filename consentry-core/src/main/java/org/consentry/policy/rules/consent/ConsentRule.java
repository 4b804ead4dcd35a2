package org.consentry.policy.rules.consent;

import java.util.Map;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStanding;
import org.consentry.ledger.LedgerTimes;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/** The shape the four consent rules share: each speaks for one {@link ConsentStanding.Kind}. */
abstract class ConsentRule implements Rule {

    private final RuleInfo info;
    private final ConsentStanding.Kind speaksFor;

    ConsentRule(RuleInfo info, ConsentStanding.Kind speaksFor) {
        this.info = info;
        this.speaksFor = speaksFor;
    }

    @Override public final RuleInfo info() {
        return info;
    }

    @Override public final Outcome check(SendRequest request, Facts facts) {
        if (!facts.recipient().valid() || !facts.knows(FactSource.LEDGER)) {
            return Outcome.pass();
        }
        ConsentStanding standing = ConsentStanding.of(request, facts.contact(), facts.recipient().country());
        if (standing.kind() != speaksFor) {
            return Outcome.pass();
        }
        Map<String, Object> evidence = new java.util.LinkedHashMap<>(evidence(request, facts.recipient().key(), standing.consent()));
        if (standing.relationship() != null) {
            evidence.put("relationship", standing.relationship().kind().wireName());
            evidence.put("relationship_at", LedgerTimes.format(standing.relationship().at()));
            evidence.put("implied_until", LedgerTimes.format(ConsentStanding.until(standing.relationship())));
        }
        if (facts.recipient().country() != null) {
            evidence.put("country", facts.recipient().country());
        }
        return Outcome.block(info.reason(message(request, facts.recipient().key(), standing), java.util.Collections.unmodifiableMap(evidence)));
    }

    abstract String message(SendRequest request, String address, ConsentStanding standing);

    static String scope(SendRequest request) {
        return request.purpose().wireName() + " " + request.channel().wireName();
    }

    private static Map<String, Object> evidence(SendRequest request, String address, Consent consent) {
        if (consent == null) {
            return Evidence.of("address", address, "channel", request.channel().wireName(), "purpose", request.purpose().wireName());
        }
        return Evidence.of("address", address, "channel", request.channel().wireName(), "purpose", request.purpose().wireName(),
                "consent_id", consent.id(), "consent_channel", consent.channel().wireName(),
                "consent_purpose", consent.purpose().wireName(), "consent_status", consent.status().wireName(),
                "captured_at", LedgerTimes.format(consent.capturedAt()),
                "revoked_at", consent.revokedAt() == null ? null : LedgerTimes.format(consent.revokedAt()));
    }
}
