package org.consentry.policy.rules.identity;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
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
 * Every prerecorded or artificial-voice message, IVR call and ringless voicemail states a telephone number
 * the recipient can call back (47 CFR 64.1200(b)(2)), whatever its purpose. The script must be given.
 */
public final class CallbackNumberRule implements Rule {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
    private static final RuleScope SCOPE = RuleScope.channels(RuleScope.CALLS);
    private static final RuleInfo INFO = new RuleInfo("identity/callback-number",
            "Prerecorded and artificial-voice calls, IVR calls and ringless voicemail state a callback number in the script.",
            "47 CFR 64.1200(b)(2)", List.of(ReasonCode.CALLBACK_NUMBER_MISSING), List.of())
            .because("Prerecorded and artificial-voice messages must give a number the recipient can call back, to "
                    + "ask questions or to opt out.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        boolean prerecorded = request.channel() == Channel.IVR || request.channel() == Channel.RVM
                || (request.channel() == Channel.VOICE && (request.prerecorded() || request.aiVoice()));
        if (!prerecorded || statesNumber(facts)) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason(facts.content().isEmpty()
                        ? "No script was given, so the callback number this prerecorded " + request.channel().wireName() + " must state cannot be checked."
                        : "The script of this prerecorded " + request.channel().wireName() + " states no callback number.",
                Evidence.of("channel", request.channel().wireName())));
    }

    /**
     * Whether the script states a number, worked out once per script and country: a campaign's script is the same for
     * thousands of calls, and libphonenumber's search costs microseconds.
     */
    private boolean statesNumber(Facts facts) {
        String country = facts.recipient().country() == null ? "US" : facts.recipient().country();
        return facts.content().derive(this, country, content -> hasPhoneNumber(content.body(), country));
    }

    /**
     * True when the text states a telephone number that can be dialled: a run of at least ten digits (see
     * {@link #hasDigitRun}) that libphonenumber finds as a valid number, national in the recipient's country (the US
     * when unknown) or international with its +. A date and a time ("03-31-2026 10 am") or an order number are ten
     * digits too, but no one can call them back.
     */
    static boolean hasPhoneNumber(String text, String country) {
        return hasDigitRun(text) && NUMBERS.findNumbers(text, country == null ? "US" : country,
                PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE).iterator().hasNext();
    }

    /** True when the text has a run of at least ten digits, separated by nothing but spaces, dots, dashes or parentheses. */
    static boolean hasDigitRun(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits >= 10) {
                    return true;
                }
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+') {
                digits = 0;
            }
        }
        return false;
    }
}
