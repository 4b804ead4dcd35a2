package org.consentry.policy.rules.voice;

import java.util.List;
import org.consentry.policy.Channel;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;
import org.consentry.recipient.LineType;

/**
 * An artificial or prerecorded voice call, an IVR call or a ringless voicemail to a mobile phone needs the
 * recipient's express consent to that kind of call (47 CFR 64.1200(a)(1)(iii); FCC 22-85 for ringless
 * voicemail), written consent when it is telemarketing (64.1200(a)(2)). A number whose line type is unknown, or
 * VoIP, is treated as a mobile.
 */
public final class MobileWithoutPermissionRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.channels(RuleScope.CALLS);
    private static final RuleInfo INFO = new RuleInfo("voice/mobile-permission",
            "Prerecorded, artificial-voice, IVR and ringless-voicemail calls to mobiles (or unknown lines) need consent to that channel, written for marketing.",
            "47 CFR 64.1200(a)(1)(iii), (a)(2); FCC 22-85", List.of(ReasonCode.MOBILE_WITHOUT_PERMISSION), List.of())
            .because("Automated and prerecorded calls to mobile phones cost the recipient and need express consent "
                    + "to that kind of call; when the line type is unknown it must be treated as mobile.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        Channel channel = request.channel();
        boolean automated = VoiceConsent.prerecorded(request) || (channel == Channel.VOICE && request.aiVoice());
        LineType line = facts.recipient().lineType();
        if (!automated || !facts.recipient().valid() || !line.mayBeMobile() || !facts.knows(FactSource.LEDGER)
                || VoiceConsent.forChannel(request, facts) != null) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason(facts.recipient().key() + " is " + (line == LineType.UNKNOWN ? "of unknown line type (treated as mobile)" : "a " + line.wireName() + " line")
                        + " and has given no " + (request.purpose().isMarketing() ? "written " : "") + "consent to " + channel.wireName() + (channel == Channel.VOICE ? " prerecorded" : "") + " calls.",
                Evidence.of("number", facts.recipient().key(), "line_type", line.wireName(), "channel", channel.wireName())));
    }
}
