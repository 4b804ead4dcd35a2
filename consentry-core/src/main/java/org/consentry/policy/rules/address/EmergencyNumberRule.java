package org.consentry.policy.rules.address;

import java.util.List;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;

/**
 * No call or text ever goes to an emergency line or N11 service (47 CFR 64.1200(a)(1)(i) forbids
 * autodialled and prerecorded calls to emergency lines; every provider's AUP forbids the rest). Nothing
 * else in the facts can allow it: the rule reads the raw number, valid or not.
 */
public final class EmergencyNumberRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.channels(RuleScope.PHONE);
    private static final RuleInfo INFO = new RuleInfo("address/emergency-number",
            "Calls and texts never go to emergency (911, 112, 999, 000, 110, 119...) or N11 service numbers, in any format.",
            "47 CFR 64.1200(a)(1)(i)", List.of(ReasonCode.EMERGENCY_NUMBER), List.of(EmergencyNumbers.FILE))
            .because("Robocalls and texts to 911 and other emergency lines tie up lines people need to save lives; "
                    + "the TCPA forbids them outright, with or without consent.");

    private final EmergencyNumbers numbers;

    public EmergencyNumberRule(EmergencyNumbers numbers) {
        this.numbers = numbers;
    }

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!request.channel().isPhone()) {
            return Outcome.pass();
        }
        String service = numbers.serviceOf(request.to(), request.country());
        if (service == null) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason(
                "'" + request.to() + "' reaches " + service + "; no message or call may be sent to it.",
                Evidence.of("to", request.to(), "service", service, "data_version", numbers.version())));
    }
}
