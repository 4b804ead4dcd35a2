package org.consentry.policy.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.consentry.policy.ReasonCode;
import org.consentry.content.Brands;
import org.consentry.policy.Rule;
import org.consentry.policy.Rulebook;
import org.consentry.policy.rules.address.EmergencyNumberRule;
import org.consentry.policy.rules.address.EmergencyNumbers;
import org.consentry.policy.rules.address.InvalidAddressRule;
import org.consentry.policy.rules.availability.StoreUnavailableRule;
import org.consentry.policy.rules.consent.ConsentExpiredRule;
import org.consentry.policy.rules.consent.ConsentMissingRule;
import org.consentry.policy.rules.consent.ConsentPredatesReassignmentRule;
import org.consentry.policy.rules.consent.ConsentRevokedRule;
import org.consentry.policy.rules.consent.ConsentScopeRule;
import org.consentry.policy.rules.consent.ConsentUnconfirmedRule;
import org.consentry.policy.rules.content.PhishingRule;
import org.consentry.policy.rules.content.ProhibitedContentRule;
import org.consentry.policy.rules.duplicate.DuplicateContentRule;
import org.consentry.policy.rules.email.EmailHeaderRule;
import org.consentry.policy.rules.email.EmailPostalAddressRule;
import org.consentry.policy.rules.email.EmailUnsubscribeRule;
import org.consentry.policy.rules.frequency.ConsentFrequencyRule;
import org.consentry.policy.rules.frequency.FrequencyCapPack;
import org.consentry.policy.rules.frequency.StateFrequencyCapRule;
import org.consentry.policy.rules.frequency.TenantFrequencyCapRule;
import org.consentry.policy.rules.identity.AccountSuspendedRule;
import org.consentry.policy.rules.identity.CallbackNumberRule;
import org.consentry.policy.rules.identity.OptOutLanguage;
import org.consentry.policy.rules.identity.OptOutLanguageRule;
import org.consentry.policy.rules.identity.SenderIdentificationRule;
import org.consentry.policy.rules.identity.SenderNotVerifiedRule;
import org.consentry.policy.rules.plan.PurposeNotPermittedRule;
import org.consentry.policy.rules.plan.ThrottledRule;
import org.consentry.policy.rules.registry.DncInternalRule;
import org.consentry.policy.rules.registry.DncListStaleRule;
import org.consentry.policy.rules.registry.DncNationalRule;
import org.consentry.policy.rules.registry.DncStateRule;
import org.consentry.policy.rules.suppression.EmailSuppressedRule;
import org.consentry.policy.rules.suppression.ErasedRecipientRule;
import org.consentry.policy.rules.suppression.OptedOutRule;
import org.consentry.policy.rules.suppression.SuppressedRule;
import org.consentry.policy.rules.timing.QuietHoursPack;
import org.consentry.policy.rules.timing.QuietHoursRule;
import org.consentry.policy.rules.timing.TenantQuietHoursRule;
import org.consentry.policy.rules.voice.AiVoiceRule;
import org.consentry.policy.rules.voice.MobileWithoutPermissionRule;
import org.consentry.policy.rules.voice.ResidentialPrerecordedRule;
import org.consentry.policy.rules.voice.RecordingConsentRule;

/**
 * The rulebook Consentry runs, in the order reasons are reported: the address; who sends and what its plan
 * permits; the recipient's wishes; consent; the Do-Not-Call lists; calls; what the message says and must
 * say; email; repeats; then timing and frequency, which defer rather than block. Adding a rule is one class,
 * its test, and one line here. Packs (quiet hours, frequency caps) give one rule each from their data files.
 */
public final class StandardRulebook {

    /**
     * What a contact list can be judged on before a campaign, with no message yet: the address, the tenant's
     * standing, the recipient's wishes and consents, the Do-Not-Call lists, reassigned numbers and the hours
     * at the planned time. Rules about a message (its body, sender, headers, repeats, counts) are left out.
     */
    public static final Set<ReasonCode> LIST_CODES = Set.copyOf(EnumSet.of(ReasonCode.INVALID_ADDRESS, ReasonCode.EMERGENCY_NUMBER,
            ReasonCode.ACCOUNT_SUSPENDED, ReasonCode.PURPOSE_NOT_PERMITTED, ReasonCode.OPTED_OUT, ReasonCode.SUPPRESSED,
            ReasonCode.CONSENT_MISSING, ReasonCode.CONSENT_UNCONFIRMED, ReasonCode.CONSENT_SCOPE, ReasonCode.CONSENT_REVOKED,
            ReasonCode.CONSENT_EXPIRED, ReasonCode.CONSENT_PREDATES_REASSIGNMENT, ReasonCode.DNC_INTERNAL, ReasonCode.DNC_NATIONAL,
            ReasonCode.DNC_STATE, ReasonCode.DNC_LIST_STALE, ReasonCode.MOBILE_WITHOUT_PERMISSION, ReasonCode.AI_VOICE_WITHOUT_CONSENT,
            ReasonCode.QUIET_HOURS,
            ReasonCode.STORE_UNAVAILABLE));

    private StandardRulebook() {
    }

    /** The rules of {@link #load} that judge a contact list ({@link #LIST_CODES}), in the same order. */
    public static Rulebook forLists() {
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : load().rules()) {
            if (LIST_CODES.containsAll(rule.info().codes())) {
                rules.add(rule);
            }
        }
        return new Rulebook(rules);
    }

    /** Loads the rule data files; a bad one fails here with its file, line and key. */
    public static Rulebook load() {
        List<Rule> rules = new ArrayList<>(List.of(
                new InvalidAddressRule(),
                new EmergencyNumberRule(EmergencyNumbers.load()),
                new AccountSuspendedRule(),
                new SenderNotVerifiedRule(),
                new PurposeNotPermittedRule(),
                OptedOutRule.load(),
                new SuppressedRule(),
                new ErasedRecipientRule(),
                new EmailSuppressedRule(),
                new ConsentMissingRule(),
                new ConsentUnconfirmedRule(),
                new ConsentRevokedRule(),
                new ConsentScopeRule(),
                new ConsentExpiredRule(),
                new ConsentPredatesReassignmentRule(),
                new DncInternalRule(),
                new DncNationalRule(),
                new DncStateRule(),
                new DncListStaleRule(),
                new MobileWithoutPermissionRule(),
                new ResidentialPrerecordedRule(),
                new AiVoiceRule(),
                RecordingConsentRule.load(),
                ProhibitedContentRule.load(),
                PhishingRule.load(),
                new SenderIdentificationRule(),
                new OptOutLanguageRule(OptOutLanguage.load()),
                new CallbackNumberRule(),
                new EmailUnsubscribeRule(),
                new EmailPostalAddressRule(),
                new EmailHeaderRule(Brands.load()),
                new DuplicateContentRule()));
        for (QuietHoursPack pack : QuietHoursPack.load()) {
            rules.add(new QuietHoursRule(pack));
        }
        rules.add(new TenantQuietHoursRule());
        for (FrequencyCapPack pack : FrequencyCapPack.load()) {
            rules.add(new StateFrequencyCapRule(pack));
        }
        rules.add(new TenantFrequencyCapRule());
        rules.add(new ConsentFrequencyRule());
        rules.add(new ThrottledRule());
        rules.add(new StoreUnavailableRule());
        return new Rulebook(rules);
    }
}
