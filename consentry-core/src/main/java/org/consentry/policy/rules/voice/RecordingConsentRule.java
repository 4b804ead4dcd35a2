package org.consentry.policy.rules.voice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consentry.policy.Channel;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;
import org.consentry.ruledata.RuleDataFile;

/**
 * Recording a call to a state that requires every party's consent (California, Florida, Illinois,
 * Pennsylvania, Washington... in {@value #FILE}) needs the recording announced, so that the recipient can
 * hang up: the script must say the call is recorded. A number whose state is unknown is treated as in such
 * a state.
 */
public final class RecordingConsentRule implements Rule {

    public static final String FILE = "/org/consentry/rules/all-party-consent-states.tsv";
    private static final Set<String> DISCLOSURE_WORDS = Set.of("recorded", "recording", "recordings");
    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "isn't", "isnt", "won't", "wont", "aren't", "arent",
            "wasn't", "cannot", "can't", "nor");
    private static final RuleScope SCOPE = RuleScope.channels(Channel.VOICE, Channel.IVR).in(Set.of("US"), Set.of());
    private static final RuleInfo INFO = new RuleInfo("voice/recording-consent",
            "A recorded call to an all-party-consent state (or an unknown state) announces the recording in its script.",
            "State wiretap laws, e.g. Cal. Penal Code 632; Fla. Stat. 934.03", List.of(ReasonCode.RECORDING_CONSENT_MISSING), List.of(FILE))
            .because("In all-party-consent states recording a call without telling everyone on it is a crime; the "
                    + "script must announce the recording.");

    private final Map<String, String> states;

    private RecordingConsentRule(Map<String, String> states) {
        this.states = Map.copyOf(states);
    }

    public static RecordingConsentRule load() {
        Map<String, String> states = new HashMap<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(FILE).rows()) {
            states.put(row.get("state"), row.get("citation"));
        }
        return new RecordingConsentRule(states);
    }

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        Channel channel = request.channel();
        if (!request.recorded() || !(channel == Channel.VOICE || channel == Channel.IVR) || !facts.recipient().valid()
                || !"US".equals(facts.recipient().country())) {
            return Outcome.pass();
        }
        Set<String> where = facts.recipient().subdivisions();
        String state = null;
        if (where.isEmpty()) {
            state = "an unknown state";
        } else {
            for (String subdivision : where) {
                if (states.containsKey(subdivision)) {
                    state = subdivision;
                }
            }
        }
        if (state == null || announced(facts.content().words())) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason("This recorded call goes to " + state + ", where every party must consent to a recording;"
                        + " the script must announce it (\"this call is recorded\").",
                Evidence.of("number", facts.recipient().key(), "state", state, "citation", states.get(state))));
    }

    /**
     * True when the script says the call is recorded: "this call is not being recorded" or "won't be recorded" tells the
     * recipient the opposite, so a disclosure word with a negation in the two words before it does not count.
     */
    private static boolean announced(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (DISCLOSURE_WORDS.contains(words.get(i)) && !negated(words, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean negated(List<String> words, int at) {
        for (int i = Math.max(0, at - 2); i < at; i++) {
            if (NEGATIONS.contains(words.get(i))) {
                return true;
            }
        }
        return false;
    }
}
