package org.consentry.consent;

import java.time.Instant;
import java.time.ZoneOffset;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;

/**
 * Where a send stands with the recipient's consents. Exactly one standing holds, so the consent rules
 * (missing, unconfirmed, revoked, scope, expired) never contradict each other.
 *
 * <p>A consent covers a send when it is for the same channel (an SMS consent also covers MMS) and the same
 * purpose, and was captured at or before {@code send_at}: consent is given to a program and does not
 * transfer (CTIA Messaging Principles 5.1). Withdrawing one covering consent withdraws those given before it. Consent is needed for every send on a phone channel and for
 * marketing email; transactional and informational email need none (15 U.S.C. 7702(17)), nor does the one
 * opt-out confirmation.
 *
 * <p>Two jurisdictions change the picture. In Canada (CASL s.10(9)) a business relationship implies
 * consent to commercial electronic messages (email and texts): for 2 years after a purchase, 6 months after
 * an inquiry; past that it has expired. In Germany (UWG s.7, BGH case law) a marketing consent counts only
 * once the recipient confirmed it (double opt-in).
 *
 * @param consent      the consent the standing rests on; null for NONE, NOT_REQUIRED, IMPLIED and EXPIRED
 * @param relationship the relationship that implies (or implied) consent, for IMPLIED and EXPIRED
 */
public record ConsentStanding(Kind kind, Consent consent, Relationship relationship) {

    public enum Kind {
        /** The send needs no consent. */
        NOT_REQUIRED,
        /** An active consent covers it. */
        GRANTED,
        /** A business relationship implies consent (CASL). */
        IMPLIED,
        /** A covering consent awaits its double opt-in confirmation. */
        PENDING,
        /** Every covering consent was withdrawn. */
        REVOKED,
        /** Consent exists, but only for other channels or purposes. */
        OTHER_SCOPE,
        /** Only an implied consent whose term is over (CASL). */
        EXPIRED,
        /** No consent at all. */
        NONE
    }

    /** CASL s.10(10): six months from an inquiry (two years from a purchase). */
    public static final int CASL_INQUIRY_MONTHS = 6;

    private static final ConsentStanding NOT_REQUIRED = new ConsentStanding(Kind.NOT_REQUIRED, null, null);
    private static final ConsentStanding NONE = new ConsentStanding(Kind.NONE, null, null);

    public static boolean required(Channel channel, Purpose purpose) {
        if (!purpose.isConsentable()) {
            return false;
        }
        return channel.isPhone() || purpose.isMarketing();
    }

    public static ConsentStanding of(SendRequest request, ContactState contact) {
        return of(request, contact, null);
    }

    /**
     * @param country the recipient's country (ISO 3166), or null when unknown
     */
    public static ConsentStanding of(SendRequest request, ContactState contact, String country) {
        Last last = LAST.get();
        if (last.request == request && last.contact == contact && java.util.Objects.equals(last.country, country)) {
            return last.standing;
        }
        ConsentStanding standing = reckon(request, contact, country);
        last.request = request;
        last.contact = contact;
        last.country = country;
        last.standing = standing;
        return standing;
    }

    /**
     * The last standing this thread reckoned: the five consent rules and the frequency rule ask for the same
     * send one after another. Requests and contact states are immutable, so the same objects give the same answer.
     */
    private static final class Last {
        SendRequest request;
        ContactState contact;
        String country;
        ConsentStanding standing;
    }

    private static final ThreadLocal<Last> LAST = ThreadLocal.withInitial(Last::new);

    private static ConsentStanding reckon(SendRequest request, ContactState contact, String country) {
        if (!required(request.channel(), request.purpose())) {
            return NOT_REQUIRED;
        }
        boolean confirmationRequired = "DE".equals(country) && request.purpose().isMarketing();
        Consent granted = null;
        Consent pending = null;
        Consent revoked = null;
        Consent withdrawn = null; // the covering consent the recipient withdrew last
        java.util.List<Consent> consents = contact.consents();
        for (int i = 0; i < consents.size(); i++) { // by index: no iterator on every send
            Consent consent = consents.get(i);
            // the scope first: it is read from the consent itself, its time is one more object to fetch from memory
            if (!consent.covers(request.channel(), request.purpose()) || consent.capturedAt().isAfter(request.sendAt())) {
                continue;
            }
            switch (consent.status()) {
                case ACTIVE:
                    if (confirmationRequired && !consent.confirmed()) {
                        pending = consent;
                        break;
                    }
                    if (granted == null || consent.capturedAt().isAfter(granted.capturedAt())) {
                        granted = consent;
                    }
                    break;
                case PENDING:
                    pending = consent;
                    break;
                default:
                    revoked = consent;
                    if (consent.revokedFrom() == ConsentStatus.ACTIVE && consent.revokedAt() != null
                            && (withdrawn == null || consent.revokedAt().isAfter(withdrawn.revokedAt()))) {
                        withdrawn = consent;
                    }
            }
        }
        // A withdrawal is of consent to these messages from this sender, not of one record (47 CFR 64.1200(a)(10)):
        // an older consent for the same channel and purpose does not survive it; one given after it does. A pending
        // consent that lapsed unconfirmed (revoked from PENDING) withdrew nothing.
        if (granted != null && (withdrawn == null || granted.capturedAt().isAfter(withdrawn.revokedAt()))) {
            return new ConsentStanding(Kind.GRANTED, granted, null);
        }
        if (granted != null && pending == null) {
            return new ConsentStanding(Kind.REVOKED, withdrawn, null);
        }
        if (pending != null) {
            return new ConsentStanding(Kind.PENDING, pending, null);
        }
        if (revoked != null) {
            return new ConsentStanding(Kind.REVOKED, revoked, null);
        }
        if ("CA".equals(country) && isCommercialElectronicMessage(request)) {
            ConsentStanding implied = implied(request.sendAt(), contact);
            if (implied != null) {
                return implied;
            }
        }
        Consent otherScope = otherScope(request, consents);
        if (otherScope != null) {
            return new ConsentStanding(Kind.OTHER_SCOPE, otherScope, null);
        }
        return NONE;
    }

    /** CASL governs commercial electronic messages: marketing email and texts, not calls. */
    private static boolean isCommercialElectronicMessage(SendRequest request) {
        return request.purpose().isMarketing() && (request.channel() == Channel.EMAIL || request.channel().isText());
    }

    private static ConsentStanding implied(Instant at, ContactState contact) {
        Relationship best = null;
        Instant bestUntil = null;
        for (Relationship relationship : contact.relationships()) {
            if (relationship.at().isAfter(at)) {
                continue;
            }
            Instant until = until(relationship);
            if (bestUntil == null || until.isAfter(bestUntil)) {
                best = relationship;
                bestUntil = until;
            }
        }
        if (best == null) {
            return null;
        }
        return new ConsentStanding(at.isBefore(bestUntil) ? Kind.IMPLIED : Kind.EXPIRED, null, best);
    }

    /** When the consent a relationship implies ends. */
    public static Instant until(Relationship relationship) {
        if (relationship.kind() == RelationshipKind.PURCHASE) {
            return relationship.at().atOffset(ZoneOffset.UTC).plusYears(2).toInstant();
        }
        return relationship.at().atOffset(ZoneOffset.UTC).plusMonths(CASL_INQUIRY_MONTHS).toInstant();
    }

    /** The last active consent given by {@code send_at} that does not cover the send: the recipient agreed to something else. */
    private static Consent otherScope(SendRequest request, java.util.List<Consent> consents) {
        Consent otherScope = null;
        for (int i = 0; i < consents.size(); i++) {
            Consent consent = consents.get(i);
            if (consent.status() == ConsentStatus.ACTIVE && !consent.covers(request.channel(), request.purpose())
                    && !consent.capturedAt().isAfter(request.sendAt())) {
                otherScope = consent;
            }
        }
        return otherScope;
    }
}
