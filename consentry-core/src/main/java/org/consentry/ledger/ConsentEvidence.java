package org.consentry.ledger;

/**
 * How a consent was captured, as the sender reports it: where (IP, user agent, page), what the recipient
 * was shown (the exact disclosure text), and the frequency agreed. Any of it may be absent.
 */
public record ConsentEvidence(String ip, String userAgent, String sourceUrl, String disclosureText, String frequency) {

    public static final ConsentEvidence NONE = new ConsentEvidence(null, null, null, null, null);
}
