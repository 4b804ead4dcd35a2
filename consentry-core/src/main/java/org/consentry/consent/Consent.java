package org.consentry.consent;

import java.time.Instant;
import java.util.Objects;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;

/**
 * One consent as it stands now. Its full evidence (IP, user agent, disclosure text...) stays in the ledger;
 * this is what the rules need.
 *
 * @param revokedFrom the status it had before it was revoked, so that an opt-in can reinstate it; null unless revoked
 * @param revokedByOptOut true when an opt-out revoked it (a later opt-in on that channel reinstates it)
 */
public record Consent(
        String id,
        Channel channel,
        Purpose purpose,
        ConsentMethod method,
        ConsentStatus status,
        Instant capturedAt,
        Instant revokedAt,
        ConsentStatus revokedFrom,
        boolean revokedByOptOut) {

    public Consent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }

    public static Consent recorded(String id, Channel channel, Purpose purpose, ConsentMethod method,
                                   ConsentStatus status, Instant capturedAt) {
        return new Consent(id, channel, purpose, method, status, capturedAt, null, null, false);
    }

    /** True when this consent, whatever its status, is for the channel and purpose of a send. */
    public boolean covers(Channel sent, Purpose purpose) {
        return channel.consentCovers(sent) && this.purpose == purpose;
    }

    /** A pending consent, confirmed; any other consent is left as it is. */
    public Consent confirmed() {
        if (status != ConsentStatus.PENDING) {
            return this;
        }
        return new Consent(id, channel, purpose, method, ConsentStatus.ACTIVE, capturedAt, null, null, false);
    }

    public Consent revoked(Instant at, boolean byOptOut) {
        if (status == ConsentStatus.REVOKED) {
            return this;
        }
        return new Consent(id, channel, purpose, method, ConsentStatus.REVOKED, capturedAt, at, status, byOptOut);
    }

    public Consent reinstated() {
        if (status != ConsentStatus.REVOKED) {
            return this;
        }
        return new Consent(id, channel, purpose, method, revokedFrom, capturedAt, null, null, false);
    }
}
