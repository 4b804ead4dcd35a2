package org.consentry.policy.rules.content;

import java.util.List;
import java.util.Map;
import org.consentry.content.Lexicon;
import org.consentry.content.MessageContent;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/**
 * Carriers refuse business messages about sex, hate, alcohol, firearms and tobacco (CTIA's SHAFT), and
 * providers add cannabis and CBD, illegal drugs, gambling, high-risk financial services and get-rich-quick
 * schemes. The terms matched are the evidence.
 */
public final class ProhibitedContentRule implements Rule {

    public static final String FILE = "/org/consentry/rules/prohibited-content.tsv";
    private static final String GROUP = "hate_group";
    private static final String MARKER = "hate_marker";
    private static final String PRESCRIPTION = "prescription_drug";
    private static final String PICK_UP = "pharmacy_notice";
    /** What {@link MessageContent#derive} keeps the marketing judgement under, beside the other sends' (null). */
    private static final Object MARKETING = "marketing";
    private static final RuleInfo INFO = new RuleInfo("content/prohibited",
            "No message about a prohibited category: sex, hate, alcohol, firearms, tobacco, cannabis, illegal drugs, gambling, high-risk finance, get-rich-quick.",
            "CTIA Messaging Principles and Best Practices 5.1.1; provider AUPs", List.of(ReasonCode.CONTENT_PROHIBITED), List.of(FILE, "/org/consentry/rules/lookalike-letters.tsv"))
            .because("Carriers forbid whole categories of content (sex, hate, alcohol, firearms, tobacco, cannabis, "
                    + "drugs, gambling, high-risk loans) on business messaging; one such message can get a brand's "
                    + "numbers blocked.");

    private final Lexicon lexicon;
    /** Bound once, so that a check allocates no function to find the body's judgement. */
    private final java.util.function.Function<MessageContent, Outcome> judgeMarketing = content -> judge(content, true);
    private final java.util.function.Function<MessageContent, Outcome> judgeNotice = content -> judge(content, false);

    public ProhibitedContentRule(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public static ProhibitedContentRule load() {
        return new ProhibitedContentRule(Lexicon.load(FILE, "term"));
    }

    /** A group named alone, or a marker alone, is not hate; both in one message are. */
    private static Map<String, List<String>> hateTogether(Map<String, List<String>> byCategory) {
        List<String> groups = byCategory.remove(GROUP);
        List<String> markers = byCategory.remove(MARKER);
        if (groups != null && markers != null) {
            List<String> terms = new java.util.ArrayList<>(byCategory.getOrDefault("hate", List.of()));
            terms.addAll(groups);
            terms.addAll(markers);
            byCategory.put("hate", terms);
        }
        return byCategory;
    }

    /**
     * A prescription drug named in a pharmacy's pick-up reminder (a transactional or informational send) is not its
     * sale; named anywhere else, or in a marketing send, it is drugs.
     * Terms of the drugs category itself ("no prescription") are drugs in a reminder too.
     */
    private static Map<String, List<String>> prescriptionsOutsidePickUp(Map<String, List<String>> byCategory, boolean marketing) {
        List<String> medicines = byCategory.remove(PRESCRIPTION);
        List<String> notices = byCategory.remove(PICK_UP);
        if (medicines != null && (notices == null || marketing)) {
            List<String> terms = new java.util.ArrayList<>(byCategory.getOrDefault("drugs", List.of()));
            terms.addAll(medicines);
            byCategory.put("drugs", terms);
        }
        return byCategory;
    }

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (facts.content().isEmpty()) {
            return Outcome.pass();
        }
        // a pick-up reminder is a transactional notice: a marketing text that says "ready for pickup" sells the drug
        return request.purpose().isMarketing() ? facts.content().derive(this, MARKETING, judgeMarketing)
                : facts.content().derive(this, null, judgeNotice);
    }

    /** The outcome for a body (and whether it is marketing): it depends on nothing else, so it is worked out once. */
    private Outcome judge(MessageContent content, boolean marketing) {
        List<Lexicon.Match> matches = lexicon.find(content);
        if (matches.isEmpty()) {
            return Outcome.pass();
        }
        Map<String, List<String>> byCategory = prescriptionsOutsidePickUp(hateTogether(Lexicon.byCategory(matches)), marketing);
        if (byCategory.isEmpty()) {
            return Outcome.pass();
        }
        StringBuilder message = new StringBuilder("The message is about a prohibited category: ");
        byCategory.forEach((category, terms) -> message.append(category.replace('_', ' ')).append(" (").append(String.join(", ", terms)).append("); "));
        message.setLength(message.length() - 2);
        return Outcome.block(INFO.reason(message.append('.').toString(),
                Evidence.of("categories", List.copyOf(byCategory.keySet()), "matched_terms", byCategory)));
    }
}
