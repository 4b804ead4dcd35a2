package org.consentry.policy;

/**
 * Every reason a verdict can give, exactly the catalogue of PRODUCT.md. A code blocks unless its effect is
 * {@link Effect#DEFER}. Rules cite the precise provision in their reasons; {@link #source()} is the
 * catalogue's summary of where the code comes from.
 */
public enum ReasonCode {
    INVALID_ADDRESS(Effect.BLOCK, "the recipient is not a valid phone number or email address", "-"),
    EMERGENCY_NUMBER(Effect.BLOCK, "the recipient is an emergency or N11 service number", "47 CFR 64.1200(a)(1)(i); AUPs"),
    ACCOUNT_SUSPENDED(Effect.BLOCK, "the tenant is suspended or terminated", "AUPs"),
    SENDER_NOT_VERIFIED(Effect.BLOCK, "from is not a sender verified for this tenant", "Truth in Caller ID Act; CAN-SPAM; AUPs"),
    OPTED_OUT(Effect.BLOCK, "the recipient opted out of this channel (or of all) with this tenant", "47 CFR 64.1200(a)(10), (d); CAN-SPAM"),
    SUPPRESSED(Effect.BLOCK, "the address is suppressed for this channel by the provider or tenant", "CAN-SPAM; Gmail/Yahoo; AUPs"),
    DNC_NATIONAL(Effect.BLOCK, "marketing to a number on the national Do-Not-Call registry without an exemption", "47 CFR 64.1200(c)(2)"),
    DNC_STATE(Effect.BLOCK, "marketing to a number on a state Do-Not-Call list without an exemption", "state law"),
    DNC_INTERNAL(Effect.BLOCK, "marketing to a number on the tenant's own Do-Not-Call list", "47 CFR 64.1200(d)"),
    DNC_LIST_STALE(Effect.BLOCK, "marketing checked against a national registry copy more than 31 days old", "47 CFR 64.1200(c)(2)(i)(D)"),
    CONSENT_MISSING(Effect.BLOCK, "no consent recorded for this channel and purpose, where one is needed", "47 CFR 64.1200(a)(1)-(3); CTIA; GDPR art. 7"),
    CONSENT_UNCONFIRMED(Effect.BLOCK, "double opt-in required and not yet confirmed", "AUPs"),
    CONSENT_SCOPE(Effect.BLOCK, "consent exists, but for another purpose or channel", "TCPA; CTIA"),
    CONSENT_REVOKED(Effect.BLOCK, "the consent was withdrawn", "47 CFR 64.1200(a)(10)"),
    CONSENT_EXPIRED(Effect.BLOCK, "implied consent past its term", "CASL s.10"),
    CONSENT_PREDATES_REASSIGNMENT(Effect.BLOCK, "the number was disconnected after the consent was given", "47 CFR 64.1200(m)"),
    QUIET_HOURS(Effect.DEFER, "outside the allowed hours in the recipient's local time", "47 CFR 64.1200(c)(1); state law"),
    FREQUENCY_CAP(Effect.DEFER, "more than the allowed messages in the window", "state law; consent terms"),
    DUPLICATE_CONTENT(Effect.BLOCK, "the same or nearly the same content to the same recipient within the window", "AUPs"),
    CONTENT_PROHIBITED(Effect.BLOCK, "prohibited content category", "CTIA; AUPs"),
    CONTENT_PHISHING(Effect.BLOCK, "asks for credentials, bank or card details, or links to a disguised destination", "AUPs; CTIA"),
    OPT_OUT_LANGUAGE_MISSING(Effect.BLOCK, "marketing SMS/RVM/IVR without opt-out instructions", "CTIA; 47 CFR 64.1200(b)(3)"),
    SENDER_IDENTIFICATION_MISSING(Effect.BLOCK, "marketing without the sender's brand name", "47 CFR 64.1200(b)(1); CTIA"),
    CALLBACK_NUMBER_MISSING(Effect.BLOCK, "prerecorded voice, IVR or RVM without a callback number", "47 CFR 64.1200(b)(2); AUPs"),
    EMAIL_UNSUBSCRIBE_MISSING(Effect.BLOCK, "commercial email without an unsubscribe link and one-click headers", "CAN-SPAM; RFC 8058; Gmail/Yahoo"),
    EMAIL_POSTAL_ADDRESS_MISSING(Effect.BLOCK, "commercial email without a physical postal address", "CAN-SPAM"),
    EMAIL_HEADER_INVALID(Effect.BLOCK, "forged or misleading From/Reply-To, unverified domain, deceptive subject", "CAN-SPAM"),
    MOBILE_WITHOUT_PERMISSION(Effect.BLOCK, "IVR, RVM or prerecorded call to a mobile without express permission", "47 CFR 64.1200(a)(1)(iii); AUPs"),
    AI_VOICE_WITHOUT_CONSENT(Effect.BLOCK, "an AI-generated or cloned voice without prior express consent", "FCC 24-17 (2024)"),
    PURPOSE_NOT_PERMITTED(Effect.BLOCK, "the provider's terms for this tenant forbid this purpose on this channel", "AUPs"),
    RECORDING_CONSENT_MISSING(Effect.BLOCK, "a recorded call to an all-party-consent state without it", "state wiretap laws; AUPs"),
    THROTTLED(Effect.DEFER, "the tenant is over its sending rate, or throttled by enforcement", "AUPs"),
    STORE_UNAVAILABLE(Effect.DEFER, "a store needed for the decision did not answer", "-");

    private final Effect effect;
    private final String when;
    private final String source;

    ReasonCode(Effect effect, String when, String source) {
        this.effect = effect;
        this.when = when;
        this.source = source;
    }

    public Effect effect() {
        return effect;
    }

    /** When the code applies, in the catalogue's words. */
    public String when() {
        return when;
    }

    /** The catalogue's abbreviated source. */
    public String source() {
        return source;
    }
}
