package org.consentry.policy.rules.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.consentry.ledger.LedgerTimes;
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
 * The safe harbor needs a national registry copy no more than 31 days old (47 CFR 64.1200(c)(2)(i)(D)):
 * a telephone solicitation that needs the registry (no written consent, no business relationship) is
 * blocked when the copy is older or was never loaded, and carries a notice from 25 days on. A copy that holds no
 * number at all of the recipient's area code is no copy for it: sellers may download only the area codes they call,
 * and every area code in service has registered numbers, so that area code was not downloaded. A copy dated after
 * the send (past a few minutes of clock skew) is no copy for it either: the one in force then is not known.
 */
public final class DncListStaleRule implements Rule {

    public static final Duration MAX_AGE = Duration.ofDays(31);
    public static final Duration NOTICE_AGE = Duration.ofDays(25);
    /** How far a copy's date may be past the send (clocks drift), as the import and the API allow a date past their clock. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final RuleScope SCOPE = RuleScope.marketing(RuleScope.PHONE).in(UsDnc.US_REGIONS, Set.of());
    private static final RuleInfo INFO = new RuleInfo("registry/national-dnc-freshness",
            "Marketing calls and texts that need the national registry stop when its copy is more than 31 days old (a notice from 25 days), "
                    + "or holds nothing of the number's area code.",
            "47 CFR 64.1200(c)(2)(i)(D)", List.of(ReasonCode.DNC_LIST_STALE), List.of())
            .because("The safe harbor for Do-Not-Call mistakes holds only for a seller that scrubs against a "
                    + "registry copy at most 31 days old; numbers added since would otherwise be called.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (!UsDnc.binds(request, facts) || !facts.knows(FactSource.REGISTRY) || !facts.knows(FactSource.LEDGER)
                || UsDnc.exempt(request, facts)) {
            return Outcome.pass();
        }
        Instant asOf = facts.registry().nationalAsOf();
        if (asOf == null) {
            return Outcome.block(INFO.reason("No copy of the national Do-Not-Call registry has been loaded, and this marketing "
                    + request.channel().wireName() + " has neither written consent nor a business relationship to rely on.",
                    Evidence.of("number", facts.recipient().key())));
        }
        if (!facts.registry().nationalCoversAreaCode()) {
            String areaCode = facts.recipient().key().substring(2, 5);
            return Outcome.block(INFO.reason("The national registry copy in force (from " + asOf + ") holds no number of area code "
                            + areaCode + ": that area code was not downloaded, and this marketing " + request.channel().wireName()
                            + " has neither written consent nor a business relationship to rely on.",
                    Evidence.of("number", facts.recipient().key(), "registry_as_of", LedgerTimes.format(asOf), "area_code", areaCode)));
        }
        Duration age = UsDnc.age(asOf, request.sendAt());
        if (age.negated().compareTo(CLOCK_SKEW) > 0) {
            // the copy in force at the send is not known: it may have been months old, or missing
            return Outcome.block(INFO.reason("The national registry copy is from " + asOf + ", after the send at " + request.sendAt()
                            + "; the copy in force then is not known, and this marketing " + request.channel().wireName()
                            + " has neither written consent nor a business relationship to rely on.",
                    Evidence.of("registry_as_of", LedgerTimes.format(asOf), "send_at", LedgerTimes.format(request.sendAt()))));
        }
        long days = age.toDays();
        if (age.compareTo(MAX_AGE) > 0) {
            return Outcome.block(INFO.reason("The national registry copy is from " + asOf + ", " + days
                            + " days before the send; it must be at most 31 days old.",
                    Evidence.of("registry_as_of", LedgerTimes.format(asOf), "age_days", days, "max_age_days", 31)));
        }
        if (age.compareTo(NOTICE_AGE) >= 0) {
            long left = 31 - days;
            return Outcome.notice(INFO.reason("The national registry copy is " + days + " days old; refresh it "
                            + (left <= 0 ? "today" : "within " + left + (left == 1 ? " day" : " days"))
                            + " or marketing calls and texts that need it will stop.",
                    Evidence.of("registry_as_of", LedgerTimes.format(asOf), "age_days", days, "max_age_days", 31)));
        }
        return Outcome.pass();
    }
}
