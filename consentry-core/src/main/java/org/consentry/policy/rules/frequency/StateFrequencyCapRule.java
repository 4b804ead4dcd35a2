package org.consentry.policy.rules.frequency;

import java.util.List;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;
import org.consentry.policy.Purpose;

/**
 * Florida, Oklahoma and Maryland allow at most three telephone solicitations to one person in 24 hours on
 * the same subject, Oregon three whatever the subject, France four canvassing calls in thirty days: calls and
 * texts together, from all of the seller's numbers. Sends committed for later count as well as those made: no
 * window holding the send may hold more than the cap. A send over the cap waits until it fits (when the oldest
 * counted one leaves the window, if all were before it). Sends whose topic is not given count for every topic; a
 * topic is the same whatever its case and white space.
 */
public final class StateFrequencyCapRule implements Rule {

    private final FrequencyCapPack pack;
    private final RuleInfo info;
    private final RuleScope scope;

    public StateFrequencyCapRule(FrequencyCapPack pack) {
        this.pack = pack;
        this.scope = RuleScope.marketing(pack.channels()).in(pack.regions(), pack.subdivisions());
        this.info = new RuleInfo("frequency/" + pack.id(),
                "At most " + pack.count() + " marketing calls and texts to a " + pack.name() + " number in " + pack.window().toHours()
                        + " hours" + (pack.perTopic() ? " on the same topic" : "") + ", across all the tenant's senders.",
                pack.citation(), List.of(ReasonCode.FREQUENCY_CAP), List.of(FrequencyCapPack.FILE))
            .because("Florida, Oklahoma and Maryland limit how many telemarketing calls and texts one person may "
                    + "receive on the same subject in 24 hours, Oregon how many on any subject, and France how many canvassing "
                    + "calls in thirty days, counting every sender of the seller together.");
    }

    @Override public RuleInfo info() {
        return info;
    }

    @Override public RuleScope scope() {
        return scope;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!request.purpose().isMarketing() || !pack.channels().contains(request.channel()) || !facts.recipient().valid()
                || !facts.recipient().isIn(pack.regions(), pack.subdivisions()) || !facts.knows(FactSource.LEDGER)) {
            return Outcome.pass();
        }
        SendCount sends = SendCount.of(facts.contact().recentSends(), request.sendAt(), pack.window(),
                sent -> sent.purpose() == Purpose.MARKETING && pack.channels().contains(sent.channel())
                        && (!pack.perTopic() || SendCount.sameTopic(sent.topic(), request.topic())));
        if (!sends.reaches(pack.count())) {
            return Outcome.pass();
        }
        return Outcome.defer(info.reason(sends.count() + " marketing calls and texts" + (pack.perTopic() ? " on this topic" : "")
                        + " to " + facts.recipient().key() + " fall within " + pack.window().toHours() + " hours of this one, sent or"
                        + " committed for later; " + pack.name() + " allows " + pack.count() + ".",
                Evidence.of("count", sends.count(), "cap", pack.count(), "window_hours", pack.window().toHours(),
                        "topic", request.topic(), "oldest_counted", sends.oldest().toString(),
                        "newest_counted", sends.newest().toString(), "pack", pack.id())),
                sends.underCapAt(pack.count()));
    }
}
