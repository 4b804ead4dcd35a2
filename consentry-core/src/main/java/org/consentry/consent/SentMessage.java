package org.consentry.consent;

import java.time.Instant;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;

/**
 * A send committed to the recipient, as frequency caps and duplicate detection count it.
 *
 * @param topic       the subject matter, or null
 * @param contentHash the SHA-256 of the normalised body, or null without a body
 * @param shingles    the body's distinct words, hashed
 * @param from        the sender it went from, as the check named it; null when unknown
 */
public record SentMessage(Instant at, Channel channel, Purpose purpose, String topic, String contentHash,
                          org.consentry.content.Shingles shingles, String from) {

    public SentMessage(Instant at, Channel channel, Purpose purpose, String topic, String contentHash,
                       org.consentry.content.Shingles shingles) {
        this(at, channel, purpose, topic, contentHash, shingles, null);
    }

    /**
     * Whether it went from this phone number (E.164): the digits compared, and a number the check wrote without
     * its country code matches on its last ten.
     */
    public boolean from(String e164) {
        if (from == null || e164 == null) {
            return false;
        }
        String mine = from.replaceAll("[^0-9]", "");
        String theirs = e164.replaceAll("[^0-9]", "");
        if (mine.length() < 10 || theirs.length() < 10) {
            return false;
        }
        return mine.equals(theirs) || (mine.length() == 10 || theirs.length() == 10)
                && mine.substring(mine.length() - 10).equals(theirs.substring(theirs.length() - 10));
    }
}
