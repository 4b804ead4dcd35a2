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
 */
public record SentMessage(Instant at, Channel channel, Purpose purpose, String topic, String contentHash,
                          org.consentry.content.Shingles shingles) {
}
