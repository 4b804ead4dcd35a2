package org.consentry.store.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.consentry.inbound.Keyword;
import org.consentry.inbound.KeywordParser;
import org.consentry.policy.OptOutScope;
import org.consentry.store.consent.Consents;
import org.consentry.store.consent.OptOuts;
import org.consentry.tenant.TenantProfile;

/**
 * Acts on a reply a recipient texted to one of a tenant's numbers. STOP and its synonyms opt out of texts
 * (and revoke the SMS consents); START and UNSTOP opt back in; YES confirms pending double opt-ins, or opts
 * back in; HELP and INFO get the help text. Anything else is left alone.
 */
public final class SmsReplies {

    private static final Set<OptOutScope> TEXTS = Set.of(OptOutScope.SMS);

    private final KeywordParser keywords;
    private final OptOuts optOuts;
    private final Consents consents;

    public SmsReplies(KeywordParser keywords, OptOuts optOuts, Consents consents) {
        this.keywords = keywords;
        this.optOuts = optOuts;
        this.consents = consents;
    }

    /**
     * @param from the recipient's number in E.164
     */
    public ReplyOutcome handle(TenantProfile tenant, String from, String body, Instant at) {
        Optional<Keyword> keyword = keywords.parse(body);
        if (keyword.isEmpty()) {
            return new ReplyOutcome(ReplyAction.NONE, null, null);
        }
        String word = keyword.get().word();
        String via = "sms:" + word;
        switch (keyword.get().action()) {
            case OPT_OUT: {
                OptOuts.Change change = optOuts.optOut(tenant.id(), from, TEXTS, at, via);
                return new ReplyOutcome(ReplyAction.OPT_OUT, word, change.newlyOptedOut() ? ReplyTexts.optedOut(tenant) : null);
            }
            case OPT_IN: {
                OptOuts.Lifted lifted = optOuts.optIn(tenant.id(), from, TEXTS, at, via);
                return new ReplyOutcome(ReplyAction.OPT_IN, word, lifted.changedAnything() ? ReplyTexts.optedIn(tenant) : null);
            }
            case CONFIRM: {
                OptOuts.Lifted lifted = optOuts.optIn(tenant.id(), from, TEXTS, at, via);
                List<String> confirmed = consents.confirmPending(tenant.id(), from, OptOutScope.SMS, at, via);
                if (!confirmed.isEmpty()) {
                    return new ReplyOutcome(ReplyAction.CONFIRM, word, ReplyTexts.confirmed(tenant));
                }
                if (lifted.changedAnything()) {
                    return new ReplyOutcome(ReplyAction.OPT_IN, word, ReplyTexts.optedIn(tenant));
                }
                return new ReplyOutcome(ReplyAction.NONE, word, null);
            }
            default:
                return new ReplyOutcome(ReplyAction.HELP, word, ReplyTexts.help(tenant));
        }
    }
}
