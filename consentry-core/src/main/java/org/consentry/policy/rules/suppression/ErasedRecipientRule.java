package org.consentry.policy.rules.suppression;

import java.util.List;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/**
 * A recipient whose personal data the tenant erased at their request gets nothing more from that tenant, on any
 * channel, for any purpose: their consents and history are gone, and what is kept (a salted hash of the address) is
 * kept only to honour that. GDPR art. 17 (erasure) with art. 21(3) (after an objection to direct marketing the data
 * is no longer processed for it); CASL and the TCPA's opt-out rules ask the same of a "forget me".
 */
public final class ErasedRecipientRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo("suppression/erased-recipient",
            "Nothing goes to a recipient whose personal data was erased at their request.",
            "GDPR art. 17 and art. 21(3)", List.of(ReasonCode.SUPPRESSED), List.of())
            .because("Erasure removes the consent that made messages lawful; messaging the person again would also show"
                    + " that their data was kept.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (facts.contact().erasedAt() == null || !facts.knows(FactSource.LEDGER)) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason("The recipient's personal data was erased at their request on " + facts.contact().erasedAt()
                + "; only a salted hash of the address is kept, so that they are never messaged again.",
                Evidence.of("erased_at", facts.contact().erasedAt().toString())));
    }
}
