package org.consentry.policy.rules.voice;

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

/**
 * An AI-generated or cloned voice is an "artificial or prerecorded voice" (FCC 24-17, 2024): a call using
 * one needs the recipient's prior express consent to such calls, written consent for marketing.
 */
public final class AiVoiceRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.channels(RuleScope.CALLS);
    private static final RuleInfo INFO = new RuleInfo("voice/ai-voice",
            "A call with an AI-generated or cloned voice needs prior express consent covering it, written for marketing.",
            "FCC 24-17 (Declaratory Ruling, 2024); 47 U.S.C. 227(b)(1)", List.of(ReasonCode.AI_VOICE_WITHOUT_CONSENT), List.of())
            .because("The FCC ruled in 2024 that AI-generated voices are artificial voices under the TCPA: "
                    + "cloned-voice calls need the same prior express consent, written for marketing.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!request.aiVoice() || !request.channel().isPhone() || request.channel().isText() || !facts.recipient().valid()
                || !facts.knows(FactSource.LEDGER) || VoiceConsent.express(request, facts) != null) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason("This " + request.channel().wireName() + " call uses an AI-generated voice, and "
                        + facts.recipient().key() + " has given no " + (request.purpose().isMarketing() ? "written " : "")
                        + "consent to " + request.purpose().wireName() + " " + request.channel().wireName() + " calls.",
                Evidence.of("number", facts.recipient().key(), "channel", request.channel().wireName(),
                        "purpose", request.purpose().wireName(), "written_required", request.purpose().isMarketing())));
    }
}
