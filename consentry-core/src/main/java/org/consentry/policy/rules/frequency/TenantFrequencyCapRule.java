package org.consentry.policy.rules.frequency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.FrequencyCap;

/** The tenant's own caps on marketing ({@code frequency_caps} in its settings), on every channel. */
public final class TenantFrequencyCapRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.marketing(RuleScope.ALL_CHANNELS);
    private static final RuleInfo INFO = new RuleInfo("frequency/tenant",
            "The tenant's own caps on marketing messages per recipient (or per recipient and topic).",
            "Tenant settings (frequency_caps)", List.of(ReasonCode.FREQUENCY_CAP), List.of())
            .because("A tenant's own caps keep its program within what its recipients signed up for.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!request.purpose().isMarketing() || !facts.recipient().valid() || !facts.knows(FactSource.LEDGER)) {
            return Outcome.pass();
        }
        Instant notBefore = null;
        String message = null;
        java.util.Map<String, Object> evidence = null;
        for (FrequencyCap cap : facts.tenant().settings().frequencyCaps()) {
            boolean perTopic = cap.per() == FrequencyCap.Per.TOPIC;
            SendCount sends = SendCount.of(facts.contact().recentSends(), request.sendAt(), Duration.ofHours(cap.windowHours()),
                    sent -> sent.purpose() == Purpose.MARKETING && (!perTopic || SendCount.sameTopic(sent.topic(), request.topic())));
            if (!sends.reaches(cap.count())) {
                continue;
            }
            Instant free = sends.underCapAt(cap.count());
            if (notBefore == null || free.isAfter(notBefore)) {
                notBefore = free;
                message = sends.count() + " marketing messages" + (perTopic ? " on this topic" : "") + " in the last "
                        + cap.windowHours() + " hours reach the account's cap of " + cap.count() + ".";
                evidence = Evidence.of("count", sends.count(), "cap", cap.count(), "window_hours", cap.windowHours(),
                        "per", cap.per().wireName(), "topic", request.topic());
            }
        }
        return notBefore == null ? Outcome.pass() : Outcome.defer(INFO.reason(message, evidence), notBefore);
    }
}
