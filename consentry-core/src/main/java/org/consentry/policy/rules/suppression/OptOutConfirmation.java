package org.consentry.policy.rules.suppression;

import java.time.Duration;
import java.time.Instant;
import org.consentry.consent.ContactState;
import org.consentry.consent.OptOut;
import org.consentry.consent.SentMessage;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;

/**
 * The one text allowed after an opt-out: a confirmation, without marketing, within five minutes of the
 * opt-out, once (47 CFR 64.1200(a)(10); FCC 24-18).
 */
public final class OptOutConfirmation {

    public static final Duration WINDOW = Duration.ofMinutes(5);

    private OptOutConfirmation() {
    }

    /** True when a confirmation of this opt-out may still be sent on the channel at {@code at}. */
    public static boolean allowed(OptOut optOut, ContactState contact, Channel channel, Instant at) {
        if (optOut == null || at.isBefore(optOut.at()) || !at.isBefore(optOut.at().plus(WINDOW))) {
            return false;
        }
        for (SentMessage sent : contact.recentSends()) {
            if (sent.purpose() == Purpose.OPT_OUT_CONFIRMATION && sent.channel().optOutScope() == channel.optOutScope()
                    && !sent.at().isBefore(optOut.at())) {
                return false;
            }
        }
        return true;
    }
}
