package org.consentry.store.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.consentry.inbound.ReplyClassifier;
import org.consentry.inbound.ReplyIntent;
import org.consentry.policy.OptOutScope;
import org.consentry.store.consent.Consents;
import org.consentry.store.consent.OptOuts;
import org.consentry.store.projection.ContactBook;
import org.consentry.tenant.TenantProfile;

/**
 * Acts on a reply a recipient texted to one of a tenant's numbers, as {@link ReplyClassifier} reads it. A
 * revocation, in any words (47 CFR 64.1200(a)(10)), opts out of texts and revokes the SMS consents; START and
 * UNSTOP opt back in; YES confirms pending double opt-ins, or opts back in; HELP and INFO get the help text.
 * Anything else is left alone.
 */
public final class SmsReplies {

    private static final Set<OptOutScope> TEXTS = Set.of(OptOutScope.SMS);
    /** STOPALL as the classifier reads it, in one word or two ("STOP ALL", "stop-all"). */
    private static final Set<String> STOP_ALL = Set.of("stopall", "stop all");

    private final ReplyClassifier classifier;
    private final OptOuts optOuts;
    private final Consents consents;
    private final ContactBook contacts;

    public SmsReplies(ReplyClassifier classifier, OptOuts optOuts, Consents consents, ContactBook contacts) {
        this.classifier = classifier;
        this.optOuts = optOuts;
        this.consents = consents;
        this.contacts = contacts;
    }

    /** The tenant's own keywords, as the classifier takes them. */
    private static java.util.Map<String, ReplyIntent.Kind> keywords(TenantProfile tenant) {
        java.util.Map<String, String> own = tenant.settings().replyKeywords();
        if (own.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, ReplyIntent.Kind> keywords = new java.util.HashMap<>();
        own.forEach((word, action) -> keywords.put(word, ReplyIntent.Kind.valueOf(action.toUpperCase(Locale.ROOT))));
        return keywords;
    }

    /**
     * @param from the recipient's number in E.164
     */
    public ReplyOutcome handle(TenantProfile tenant, String from, String body, Instant at) {
        return handle(tenant, from, null, body, at);
    }

    /**
     * @param from the recipient's number in E.164
     * @param to   the tenant's number the reply was sent to (E.164), or null: STOPALL then opts out of the tenant only
     */
    public ReplyOutcome handle(TenantProfile tenant, String from, String to, String body, Instant at) {
        ReplyIntent intent = classifier.classify(body, keywords(tenant));
        if (intent.kind() == ReplyIntent.Kind.NONE) {
            return new ReplyOutcome(ReplyAction.NONE, null, null, false, intent.why());
        }
        String word = intent.matched().toUpperCase(Locale.ROOT);
        String via = "sms:" + word;
        switch (intent.kind()) {
            case OPT_OUT: {
                OptOuts.Change change = optOuts.optOut(tenant.id(), from, TEXTS, at, via);
                if (STOP_ALL.contains(intent.matched()) && to != null) {
                    // CTIA: STOPALL stops every program on the number; any other tenant that texted this recipient
                    // from it (a number that changed hands) is opted out too
                    for (String other : contacts.tenantsThatSent(from, to)) {
                        if (!other.equals(tenant.id())) {
                            optOuts.optOut(other, from, TEXTS, at, via + " to " + to);
                        }
                    }
                }
                return new ReplyOutcome(ReplyAction.OPT_OUT, word, change.newlyOptedOut() ? ReplyTexts.optedOut(tenant) : null,
                        intent.ambiguous(), intent.why());
            }
            case OPT_IN: {
                OptOuts.Lifted lifted = optOuts.optIn(tenant.id(), from, TEXTS, at, via);
                return new ReplyOutcome(ReplyAction.OPT_IN, word, lifted.changedAnything() ? ReplyTexts.optedIn(tenant) : null, false,
                        intent.why());
            }
            case CONFIRM: {
                OptOuts.Lifted lifted = optOuts.optIn(tenant.id(), from, TEXTS, at, via);
                List<String> confirmed = consents.confirmPending(tenant.id(), from, OptOutScope.SMS, at, via);
                if (!confirmed.isEmpty()) {
                    return new ReplyOutcome(ReplyAction.CONFIRM, word, ReplyTexts.confirmed(tenant), false, intent.why());
                }
                if (lifted.changedAnything()) {
                    return new ReplyOutcome(ReplyAction.OPT_IN, word, ReplyTexts.optedIn(tenant), false, intent.why());
                }
                return new ReplyOutcome(ReplyAction.NONE, word, null, false, intent.why() + " Nothing was pending or opted out.");
            }
            default:
                String frequency = consents.textFrequency(tenant.id(), from).map(agreed -> agreed.text()).orElse(null);
                return new ReplyOutcome(ReplyAction.HELP, word, ReplyTexts.help(tenant, frequency), false, intent.why());
        }
    }
}
