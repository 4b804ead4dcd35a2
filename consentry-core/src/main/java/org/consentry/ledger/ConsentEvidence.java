package org.consentry.ledger;

/**
 * How a consent was captured, as the sender reports it: where (IP, user agent, page), what the recipient
 * was shown (the exact disclosure text), and the frequency agreed; for a consent that came in an imported list,
 * where the list came from as the sender declared it. Any of it may be absent.
 *
 * @param importSource     the declared source of the imported list it came in, or null
 * @param form             the hosted opt-in form it was given on, or null
 * @param disclosureSha256 the SHA-256 (hex) of {@code disclosureText} as the form showed it, or null
 */
public record ConsentEvidence(String ip, String userAgent, String sourceUrl, String disclosureText, String frequency,
                              String importSource, FormVersion form, String disclosureSha256) {

    public static final ConsentEvidence NONE = new ConsentEvidence(null, null, null, null, null, null);

    /** A version of a hosted opt-in form. */
    public record FormVersion(String id, int version) {
    }

    public ConsentEvidence(String ip, String userAgent, String sourceUrl, String disclosureText, String frequency, String importSource) {
        this(ip, userAgent, sourceUrl, disclosureText, frequency, importSource, null, null);
    }

    public ConsentEvidence(String ip, String userAgent, String sourceUrl, String disclosureText, String frequency) {
        this(ip, userAgent, sourceUrl, disclosureText, frequency, null);
    }
}
