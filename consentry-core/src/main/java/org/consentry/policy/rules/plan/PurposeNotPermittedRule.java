package org.consentry.policy.rules.plan;

import java.util.List;
import org.consentry.consent.OptOut;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;
import org.consentry.policy.rules.suppression.OptOutConfirmation;

/**
 * A tenant sends only the purposes its provider's terms permit on each channel (a transactional-only SMS
 * plan sends no marketing). And {@code opt_out_confirmation} is for confirming an opt-out, once, within five
 * minutes of it (47 CFR 64.1200(a)(10)): used otherwise it is refused.
 */
public final class PurposeNotPermittedRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo("plan/permitted-purposes",
            "Only the purposes the tenant's plan permits on the channel; an opt-out confirmation only once, within 5 minutes of an opt-out.",
            "Provider terms; 47 CFR 64.1200(a)(10)", List.of(ReasonCode.PURPOSE_NOT_PERMITTED), List.of())
            .because("A tenant registered (and vetted) for one kind of traffic, such as one-time codes, must not use "
                    + "the same route for another, such as marketing; that is how registered campaigns are abused.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        // a plan names marketing, transactional and informational terms; the one confirmation an opt-out is owed
        // (CTIA; 47 CFR 64.1200(a)(10)) is none of them, and is judged below on its own terms whatever the plan
        if (request.purpose() != Purpose.OPT_OUT_CONFIRMATION && !facts.tenant().plan().permits(request.channel(), request.purpose())) {
            return Outcome.block(INFO.reason("The account's plan does not permit " + request.purpose().wireName() + " messages on "
                            + request.channel().wireName() + ".",
                    Evidence.of("channel", request.channel().wireName(), "purpose", request.purpose().wireName(),
                            "permitted", facts.tenant().plan().terms(request.channel()).stream().map(Purpose::wireName).sorted().toList())));
        }
        if (request.purpose() == Purpose.OPT_OUT_CONFIRMATION && facts.recipient().valid()) {
            OptOut optOut = facts.contact().optOut(request.channel().optOutScope());
            if (!OptOutConfirmation.allowed(optOut, facts.contact(), request.channel(), request.sendAt())) {
                return Outcome.block(INFO.reason(optOut == null
                                ? "There is no opt-out of " + request.channel().wireName() + " to confirm."
                                : "The opt-out at " + optOut.at() + " was confirmed already, or more than 5 minutes ago.",
                        Evidence.of("opted_out_at", optOut == null ? null : optOut.at().toString(), "window_minutes", 5)));
            }
        }
        return Outcome.pass();
    }
}
