package org.consentry.consent;

import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;

/**
 * Where a send stands with the recipient's consents. Exactly one standing holds, so the four consent rules
 * (missing, unconfirmed, revoked, scope) never contradict each other.
 *
 * <p>A consent covers a send when it is for the same channel (an SMS consent also covers MMS) and the same
 * purpose, and was captured at or before {@code send_at}: consent is given to a program and does not
 * transfer (CTIA Messaging Principles 5.1). Consent is needed for every send on a phone channel and for
 * marketing email; transactional and informational email need none (15 U.S.C. 7702(17)), nor does the one
 * opt-out confirmation.
 *
 * @param consent the consent the standing rests on; null for {@link Kind#NONE} and {@link Kind#NOT_REQUIRED}
 */
public record ConsentStanding(Kind kind, Consent consent) {

    public enum Kind {
        /** The send needs no consent. */
        NOT_REQUIRED,
        /** An active consent covers it. */
        GRANTED,
        /** A covering consent awaits its double opt-in confirmation. */
        PENDING,
        /** Every covering consent was withdrawn. */
        REVOKED,
        /** Consent exists, but only for other channels or purposes. */
        OTHER_SCOPE,
        /** No consent at all. */
        NONE
    }

    private static final ConsentStanding NOT_REQUIRED = new ConsentStanding(Kind.NOT_REQUIRED, null);
    private static final ConsentStanding NONE = new ConsentStanding(Kind.NONE, null);

    public static boolean required(Channel channel, Purpose purpose) {
        if (!purpose.isConsentable()) {
            return false;
        }
        return channel.isPhone() || purpose.isMarketing();
    }

    public static ConsentStanding of(SendRequest request, ContactState contact) {
        if (!required(request.channel(), request.purpose())) {
            return NOT_REQUIRED;
        }
        Consent pending = null;
        Consent revoked = null;
        Consent otherScope = null;
        for (Consent consent : contact.consents()) {
            if (consent.capturedAt().isAfter(request.sendAt())) {
                continue;
            }
            if (!consent.covers(request.channel(), request.purpose())) {
                if (consent.status() == ConsentStatus.ACTIVE) {
                    otherScope = consent;
                }
                continue;
            }
            switch (consent.status()) {
                case ACTIVE:
                    return new ConsentStanding(Kind.GRANTED, consent);
                case PENDING:
                    pending = consent;
                    break;
                default:
                    revoked = consent;
            }
        }
        if (pending != null) {
            return new ConsentStanding(Kind.PENDING, pending);
        }
        if (revoked != null) {
            return new ConsentStanding(Kind.REVOKED, revoked);
        }
        if (otherScope != null) {
            return new ConsentStanding(Kind.OTHER_SCOPE, otherScope);
        }
        return NONE;
    }
}
