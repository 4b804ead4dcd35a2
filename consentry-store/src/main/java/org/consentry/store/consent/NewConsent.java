package org.consentry.store.consent;

import java.time.Instant;
import org.consentry.consent.ConsentMethod;
import org.consentry.ledger.ConsentEvidence;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;

/** A consent to record, as validated by the API; {@code address} is canonical. */
public record NewConsent(String address, Channel channel, Purpose purpose, ConsentMethod method, Instant capturedAt,
                         boolean confirmed, ConsentEvidence evidence) {
}
