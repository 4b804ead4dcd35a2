package org.consentry.policy.rules.frequency;

import java.time.Instant;
import java.util.List;
import org.consentry.consent.AgreedFrequency;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStanding;
import org.consentry.consent.ConsentStatus;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/**
 * A recipient who agreed to "up to 4 texts a month" gets no more: the consent's agreed frequency caps the
 * sends it covers, over a rolling day, week or 30 days (CTIA: the program's disclosed frequency), counting the
 * sends committed for later as well as those made.
 */
public final class ConsentFrequencyRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo("frequency/consent-terms",
            "No more sends than the frequency the recipient agreed to in its consent (e.g. 4/month, four texts a week, "
                    + "1 every 2 weeks); a period longer than 30 days is read as its share of 30 days, at least one.",
            "CTIA Messaging Principles and Best Practices 5.1 (disclosed frequency); consent terms",
            List.of(ReasonCode.FREQUENCY_CAP), List.of())
            .because("A consent given for a stated frequency ('up to 4 texts a month') covers no more than that.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!facts.recipient().valid() || !facts.knows(FactSource.LEDGER)) {
            return Outcome.pass();
        }
        ConsentStanding standing = ConsentStanding.of(request, facts.contact(), facts.recipient().country());
        if (standing.kind() != ConsentStanding.Kind.GRANTED) {
            return Outcome.pass();
        }
        // Every active consent covering the send holds the sender to its terms, not only the one the standing rests on:
        // a recipient who signed up again for "2/week" was told 2/week (the HELP reply quotes the latest), whatever an
        // older consent said. The wait shown is the longest.
        Consent capping = null;
        SendCount capped = null;
        Instant free = null;
        for (Consent consent : facts.contact().consents()) {
            if (consent.status() != ConsentStatus.ACTIVE || consent.frequency() == null
                    || !consent.covers(request.channel(), request.purpose()) || consent.capturedAt().isAfter(request.sendAt())) {
                continue;
            }
            AgreedFrequency agreed = consent.frequency();
            SendCount sends = SendCount.of(facts.contact().recentSends(), request.sendAt(), agreed.period(),
                    sent -> consent.covers(sent.channel(), sent.purpose()));
            if (sends.reaches(agreed.count())) {
                Instant fits = sends.underCapAt(agreed.count());
                if (capping == null || fits.isAfter(free)) {
                    capping = consent;
                    capped = sends;
                    free = fits;
                }
            }
        }
        if (capping == null) {
            return Outcome.pass();
        }
        AgreedFrequency agreed = capping.frequency();
        return Outcome.defer(INFO.reason(facts.recipient().key() + " agreed to " + agreed.text() + " (" + capping.id() + "), and "
                        + capped.count() + " fall in one such period with this one, sent or committed for later.",
                Evidence.of("consent_id", capping.id(), "agreed_frequency", agreed.text(), "count", capped.count(),
                        "period_days", agreed.period().toDays())),
                free);
    }
}
