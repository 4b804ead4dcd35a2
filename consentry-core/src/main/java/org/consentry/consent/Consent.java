package org.consentry.consent;

import java.time.Instant;
import java.util.Objects;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;

/**
 * One consent as it stands now. Its full evidence (IP, user agent, disclosure text...) stays in the ledger;
 * this is what the rules need.
 *
 * @param confirmed   true when the recipient confirmed it (recorded as confirmed, or a double opt-in completed)
 * @param revokedFrom the status it had before it was revoked, so that an opt-in can reinstate it; null unless revoked
 * @param revokedByOptOut true when an opt-out revoked it (a later opt-in on that channel reinstates it)
 * @param frequency       the message frequency the recipient agreed to, when the consent names one
 * @param importSource    the declared source of the imported list it came in, or null
 */
public record Consent(
        String id,
        Channel channel,
        Purpose purpose,
        ConsentMethod method,
        ConsentStatus status,
        boolean confirmed,
        Instant capturedAt,
        Instant revokedAt,
        ConsentStatus revokedFrom,
        boolean revokedByOptOut,
        AgreedFrequency frequency,
        String importSource) {

    public Consent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }

    public static Consent recorded(String id, Channel channel, Purpose purpose, ConsentMethod method,
                                   ConsentStatus status, boolean confirmed, Instant capturedAt) {
        return new Consent(id, channel, purpose, method, status, confirmed, capturedAt, null, null, false, null, null);
    }

    public Consent withFrequency(AgreedFrequency agreed) {
        return new Consent(id, channel, purpose, method, status, confirmed, capturedAt, revokedAt, revokedFrom, revokedByOptOut, agreed, importSource);
    }

    public Consent withImportSource(String source) {
        return new Consent(id, channel, purpose, method, status, confirmed, capturedAt, revokedAt, revokedFrom, revokedByOptOut, frequency,
                source);
    }

    /**
     * This consent waiting for the recipient to confirm it again (a permission pass): an active one becomes pending,
     * and one an opt-out revoked comes back pending if an opt-in ever reinstates it; others stay as they are. One
     * withdrawn otherwise is never reinstated and stays a withdrawal (revoked from active), which also withdrew the
     * consents given before it ({@link ConsentStanding}).
     */
    public Consent awaitingReconfirmation() {
        if (status == ConsentStatus.ACTIVE) {
            return new Consent(id, channel, purpose, method, ConsentStatus.PENDING, false, capturedAt, null, null, false, frequency, importSource);
        }
        if (status == ConsentStatus.REVOKED && revokedFrom == ConsentStatus.ACTIVE && revokedByOptOut) {
            return new Consent(id, channel, purpose, method, status, false, capturedAt, revokedAt, ConsentStatus.PENDING, revokedByOptOut,
                    frequency, importSource);
        }
        return this;
    }

    /**
     * True for the forms that make prior express written consent (47 CFR 64.1200(f)(9), E-SIGN): a web form,
     * a keyword texted by the recipient, or paper. A verbal consent, or one the tenant recorded by API or
     * import without saying how it was captured, is not written.
     */
    public boolean isWritten() {
        return method == ConsentMethod.WEB_FORM || method == ConsentMethod.KEYWORD || method == ConsentMethod.PAPER;
    }

    /** True when this consent, whatever its status, is for the channel and purpose of a send. */
    public boolean covers(Channel sent, Purpose purpose) {
        return channel.consentCovers(sent) && this.purpose == purpose;
    }

    /** A pending consent, confirmed; any other consent is left as it is. */
    public Consent confirm() {
        if (status != ConsentStatus.PENDING) {
            return this;
        }
        return new Consent(id, channel, purpose, method, ConsentStatus.ACTIVE, true, capturedAt, null, null, false, frequency, importSource);
    }

    public Consent revoked(Instant at, boolean byOptOut) {
        if (status == ConsentStatus.REVOKED) {
            return this;
        }
        return new Consent(id, channel, purpose, method, ConsentStatus.REVOKED, confirmed, capturedAt, at, status, byOptOut, frequency, importSource);
    }

    public Consent reinstated() {
        if (status != ConsentStatus.REVOKED) {
            return this;
        }
        return new Consent(id, channel, purpose, method, revokedFrom, confirmed, capturedAt, null, null, false, frequency, importSource);
    }
}
