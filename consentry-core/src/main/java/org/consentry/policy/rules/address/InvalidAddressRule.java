package org.consentry.policy.rules.address;

import java.util.List;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/** Nothing is sent to an address that is not a valid phone number (phone channels) or email address (email). */
public final class InvalidAddressRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo("address/valid",
            "The recipient must be a valid phone number (libphonenumber) for calls and texts, or a valid email address for email.",
            "-", List.of(ReasonCode.INVALID_ADDRESS), List.of())
            .because("A message to an address that is not one cannot be delivered lawfully or traced; a malformed "
                    + "number is also how typos reach strangers, who never consented.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (facts.recipient().valid()) {
            return Outcome.pass();
        }
        String kind = request.channel().isPhone() ? "phone number" : "email address";
        return Outcome.block(INFO.reason(
                "'" + request.to() + "' is not a valid " + kind + " for " + request.channel().wireName() + ".",
                Evidence.of("to", request.to(), "channel", request.channel().wireName(), "country", request.country())));
    }
}
