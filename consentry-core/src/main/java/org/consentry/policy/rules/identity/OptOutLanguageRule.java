package org.consentry.policy.rules.identity;

import java.util.List;
import org.consentry.policy.Channel;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;

/**
 * A marketing text must say how to stop ("Reply STOP to opt out", CTIA); a prerecorded marketing call or
 * ringless voicemail must offer an automated opt-out (47 CFR 64.1200(b)(3)). With {@code auto_append_opt_out}
 * the gateway appends the line to texts instead.
 */
public final class OptOutLanguageRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.marketing(Channel.SMS, Channel.MMS, Channel.VOICE, Channel.IVR, Channel.RVM);
    private static final RuleInfo INFO = new RuleInfo("identity/opt-out-language",
            "Marketing texts say how to opt out (Reply STOP); marketing IVR, ringless voicemail and prerecorded or AI-voice calls offer an automated opt-out.",
            "CTIA Messaging Principles and Best Practices 5.1.2; 47 CFR 64.1200(b)(3)", List.of(ReasonCode.OPT_OUT_LANGUAGE_MISSING),
            List.of(OptOutLanguage.FILE))
            .because("A recipient can only opt out if told how; carriers require STOP instructions in marketing "
                    + "texts and the FCC an automated opt-out in prerecorded marketing calls.");

    private final OptOutLanguage language;

    public OptOutLanguageRule(OptOutLanguage language) {
        this.language = language;
    }

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!OptOutLanguage.binds(request) || language.found(request, facts.content()) != null) {
            return Outcome.pass();
        }
        String expected = request.channel().isText() ? "\"Reply STOP to opt out\"" : "an automated opt-out (\"press 9 to be removed\")";
        return Outcome.block(INFO.reason("This marketing " + request.channel().wireName() + " does not say how to opt out; it needs "
                + expected + (request.channel().isText() ? ", or set auto_append_opt_out" : "") + ".",
                Evidence.of("channel", request.channel().wireName())));
    }
}
