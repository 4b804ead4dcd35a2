package org.consentry.policy.rules.voice;

import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStatus;
import org.consentry.policy.Channel;
import org.consentry.policy.Facts;
import org.consentry.policy.SendRequest;

/**
 * The consents the voice rules look for: those of the number's present subscriber, not of whoever had it before it was
 * disconnected (47 CFR 64.1200(m)).
 */
final class VoiceConsent {

    private VoiceConsent() {
    }

    /** Whether the call speaks with a recorded voice: an IVR call, a ringless voicemail, or a prerecorded voice call. */
    static boolean prerecorded(SendRequest request) {
        Channel channel = request.channel();
        return channel == Channel.IVR || channel == Channel.RVM || (channel == Channel.VOICE && request.prerecorded());
    }

    /**
     * An active consent for this very channel (whatever its purpose) captured by send time, or null. For marketing it
     * must be written: telemarketing with an artificial or prerecorded voice to a mobile needs prior express written
     * consent (47 CFR 64.1200(a)(2)).
     */
    static Consent forChannel(SendRequest request, Facts facts) {
        for (Consent consent : facts.contact().consents()) {
            if (consent.status() == ConsentStatus.ACTIVE && consent.channel().consentCovers(request.channel())
                    && !consent.capturedAt().isAfter(request.sendAt()) && (!request.purpose().isMarketing() || consent.isWritten())
                    && !facts.registry().predatesDisconnection(consent.capturedAt())) {
                return consent;
            }
        }
        return null;
    }

    /** An active consent covering channel and purpose, written when the purpose is marketing, or null. */
    static Consent express(SendRequest request, Facts facts) {
        for (Consent consent : facts.contact().consents()) {
            if (consent.status() == ConsentStatus.ACTIVE && consent.covers(request.channel(), request.purpose())
                    && !consent.capturedAt().isAfter(request.sendAt()) && (!request.purpose().isMarketing() || consent.isWritten())
                    && !facts.registry().predatesDisconnection(consent.capturedAt())) {
                return consent;
            }
        }
        return null;
    }
}
