package org.consentry.policy.rules.duplicate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.consentry.consent.SentMessage;
import org.consentry.content.Shingles;
import org.consentry.policy.Evidence;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;

/**
 * Providers treat the same marketing sent again to the same recipient as spam: the same text (ignoring
 * case, white space, punctuation, how its letters are written (look-alikes of other scripts, styled forms,
 * invisible characters) and links' tracking parameters) within the tenant's {@code duplicate_window_minutes}
 * (default 60), or nearly the same (at least {@value Shingles#NEAR_DUPLICATE_PERCENT}% of distinct words in
 * common, Jaccard) within 24 hours, before or after the send: a send committed for later counts as one made.
 * Transactional and informational messages repeat for good reasons and are not bound.
 */
public final class DuplicateContentRule implements Rule {

    public static final Duration NEAR_WINDOW = Duration.ofHours(24);
    private static final RuleScope SCOPE = RuleScope.marketing(RuleScope.ALL_CHANNELS);
    private static final RuleInfo INFO = new RuleInfo("duplicate/content",
            "No marketing identical to one sent to the recipient within the duplicate window (60 minutes by default), nor nearly identical within 24 hours.",
            "Provider acceptable-use policies (repetitive messaging); CTIA Messaging Principles and Best Practices 5.1",
            List.of(ReasonCode.DUPLICATE_CONTENT), List.of())
            .because("The same message again and again to the same person is spam to them and to carriers, whose "
                    + "filters flag repetitive traffic.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!request.purpose().isMarketing() || !facts.recipient().valid() || !facts.knows(FactSource.LEDGER)
                || facts.contact().recentSends().isEmpty()) {
            return Outcome.pass(); // before the hash: most recipients have no recent send to compare with
        }
        String hash = facts.content().contentHash();
        if (hash == null) {
            return Outcome.pass();
        }
        Instant at = request.sendAt();
        Duration exactWindow = Duration.ofMinutes(facts.tenant().settings().duplicateWindowMinutes());
        Shingles words = facts.content().shingles();
        for (SentMessage sent : facts.contact().recentSends()) {
            if (sent.contentHash() == null) {
                continue;
            }
            Duration apart = Duration.between(sent.at(), at).abs(); // a send committed for later counts as much as one made
            if (hash.equals(sent.contentHash()) && apart.compareTo(exactWindow) < 0) {
                return Outcome.block(INFO.reason("The same message " + went(sent, at) + facts.recipient().key() + " at " + sent.at()
                                + ", within the " + exactWindow.toMinutes() + "-minute duplicate window.",
                        Evidence.of("previous_send_at", sent.at().toString(), "match", "exact", "window_minutes", exactWindow.toMinutes())));
            }
            if (apart.compareTo(NEAR_WINDOW) < 0 && words.nearlySame(sent.shingles())) {
                long percent = Math.round(words.jaccard(sent.shingles()) * 100);
                return Outcome.block(INFO.reason("Nearly the same message " + went(sent, at) + facts.recipient().key() + " at " + sent.at()
                                + " (" + percent + "% of distinct words in common), within 24 hours.",
                        Evidence.of("previous_send_at", sent.at().toString(), "match", "near", "similarity_percent", percent)));
            }
        }
        return Outcome.pass();
    }

    private static String went(SentMessage sent, Instant at) {
        return sent.at().isAfter(at) ? "is committed to go to " : "went to ";
    }
}
