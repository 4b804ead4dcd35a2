package org.consentry.policy.rules.voice;

import java.util.List;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStatus;
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
 * A telemarketing call with an artificial or prerecorded voice (a prerecorded call, an IVR call, a ringless
 * voicemail) to a residential line needs the called party's prior express <em>written</em> consent (47 CFR
 * 64.1200(a)(3)); a landline is taken as residential. A consent to such calls given another way (verbally, through the
 * API without a written record) covers a live call, not this one. With no covering consent at all the consent rules
 * answer (CONSENT_MISSING); mobiles and unknown lines are {@link MobileWithoutPermissionRule}'s, and an AI voice, which
 * needs written consent on any line, is {@link AiVoiceRule}'s (AI_VOICE_WITHOUT_CONSENT).
 */
public final class ResidentialPrerecordedRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.marketing(RuleScope.CALLS);
    private static final RuleInfo INFO = new RuleInfo("voice/residential-prerecorded",
            "Prerecorded, artificial-voice, IVR and ringless-voicemail marketing calls to a landline need written consent.",
            "47 CFR 64.1200(a)(3)", List.of(ReasonCode.CONSENT_MISSING), List.of())
            .because("Telemarketing with an artificial or prerecorded voice to a residential line is lawful only with the "
                    + "called party's prior express written consent; a verbal consent covers a live call only.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        Channel channel = request.channel();
        if (!VoiceConsent.prerecorded(request) || request.aiVoice() || !facts.recipient().valid() || facts.recipient().lineType() != LineType.LANDLINE || !facts.knows(FactSource.LEDGER)
                || VoiceConsent.express(request, facts) != null) {
            return Outcome.pass();
        }
        Consent unwritten = null;
        for (Consent consent : facts.contact().consents()) {
            if (consent.status() == ConsentStatus.ACTIVE && consent.covers(channel, request.purpose())
                    && !consent.capturedAt().isAfter(request.sendAt()) && !facts.registry().predatesDisconnection(consent.capturedAt())) {
                unwritten = consent;
                break;
            }
        }
        if (unwritten == null) {
            return Outcome.pass(); // no covering consent: the consent rules say so
        }
        return Outcome.block(INFO.reason(facts.recipient().key() + " is a landline (taken as residential); its consent to marketing "
                        + channel.wireName() + (channel == Channel.VOICE ? " prerecorded" : "") + " calls was given " + unwritten.method().wireName()
                        + ", not in writing, and prerecorded telemarketing to a residential line needs written consent.",
                Evidence.of("number", facts.recipient().key(), "line_type", LineType.LANDLINE.wireName(), "channel", channel.wireName(),
                        "consent_id", unwritten.id(), "consent_method", unwritten.method().wireName())));
    }
}
