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

/**
 * The tenant's own caps on marketing ({@code frequency_caps} in its settings), on every channel, counting the sends
 * committed for later as well as those made. A capped send waits until it fits under every cap.
 */
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
        List<FrequencyCap> caps = facts.tenant().settings().frequencyCaps();
        if (caps.isEmpty()) {
            return Outcome.pass();
        }
        SendCount[] counts = new SendCount[caps.size()];
        int shown = -1; // the cap reached whose own wait is longest: the one the message names
        Instant shownFree = null;
        for (int k = 0; k < counts.length; k++) {
            FrequencyCap cap = caps.get(k);
            boolean perTopic = cap.per() == FrequencyCap.Per.TOPIC;
            counts[k] = SendCount.of(facts.contact().recentSends(), request.sendAt(), Duration.ofHours(cap.windowHours()),
                    sent -> sent.purpose() == Purpose.MARKETING && (!perTopic || SendCount.sameTopic(sent.topic(), request.topic())));
            if (counts[k].reaches(cap.count())) {
                Instant free = counts[k].underCapAt(cap.count());
                if (shown < 0 || free.isAfter(shownFree)) {
                    shown = k;
                    shownFree = free;
                }
            }
        }
        if (shown < 0) {
            return Outcome.pass();
        }
        FrequencyCap cap = caps.get(shown);
        SendCount sends = counts[shown];
        boolean perTopic = cap.per() == FrequencyCap.Per.TOPIC;
        String message = sends.count() + " marketing messages" + (perTopic ? " on this topic" : "") + " fall within "
                + cap.windowHours() + " hours of this one, sent or committed for later, and reach the account's cap of " + cap.count() + ".";
        java.util.Map<String, Object> evidence = Evidence.of("count", sends.count(), "cap", cap.count(), "window_hours", cap.windowHours(),
                "per", cap.per().wireName(), "topic", request.topic());
        Instant notBefore = everyCapFits(caps, counts, shownFree);
        return Outcome.defer(INFO.reason(message, evidence), notBefore);
    }

    /**
     * The earliest instant, from {@code from} on, at which the send fits under every cap: a later cap's window may
     * hold sends committed for later, so each cap's wait is judged again until none moves it.
     */
    private static Instant everyCapFits(List<FrequencyCap> caps, SendCount[] counts, Instant from) {
        Instant at = from;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int k = 0; k < counts.length; k++) {
                Instant free = counts[k].underCapAt(caps.get(k).count(), at);
                if (free == null) {
                    return null;
                }
                if (free.isAfter(at)) {
                    at = free;
                    moved = true;
                }
            }
        }
        return at;
    }
}
