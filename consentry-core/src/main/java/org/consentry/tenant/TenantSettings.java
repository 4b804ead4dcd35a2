package org.consentry.tenant;

import java.util.List;

/**
 * A tenant's policy settings. They can only make Consentry stricter than the law.
 *
 * @param doubleOptInSms         consents recorded unconfirmed for texts stay pending until the recipient replies YES
 * @param doubleOptInEmail       consents recorded unconfirmed for email stay pending until the link is confirmed
 * @param autoAppendOptOut       marketing texts without opt-out instructions get "Reply STOP to opt out" appended
 * @param frequencyCaps          the tenant's own caps on marketing
 * @param quietHours             the tenant's own calling hours (recipient's local time), or null
 * @param duplicateWindowMinutes the same content to the same recipient within this many minutes is a duplicate
 * @param emailDailyVolume       how many emails a day the tenant sends; 5,000 or more makes it a bulk sender
 * @param replyKeywords          the tenant's own SMS reply keywords (as the reply classifier reads them: lower case,
 *                               no accents or punctuation) and what each does: opt_out, opt_in or help
 * @param statusWebhookUrl       where each change of a message's status is posted (https), or null for nowhere
 */
public record TenantSettings(boolean doubleOptInSms, boolean doubleOptInEmail, boolean autoAppendOptOut,
                             List<FrequencyCap> frequencyCaps, DailyHours quietHours, int duplicateWindowMinutes,
                             int emailDailyVolume, java.util.Map<String, String> replyKeywords, String statusWebhookUrl) {

    public static final int DEFAULT_DUPLICATE_WINDOW_MINUTES = 60;
    public static final int BULK_SENDER_DAILY_VOLUME = 5_000;
    public static final TenantSettings DEFAULTS = new TenantSettings(false, false);

    public TenantSettings {
        frequencyCaps = List.copyOf(frequencyCaps);
        replyKeywords = replyKeywords == null ? java.util.Map.of() : java.util.Map.copyOf(replyKeywords);
    }

    public TenantSettings(boolean doubleOptInSms, boolean doubleOptInEmail, boolean autoAppendOptOut, List<FrequencyCap> frequencyCaps,
                          DailyHours quietHours, int duplicateWindowMinutes, int emailDailyVolume, java.util.Map<String, String> replyKeywords) {
        this(doubleOptInSms, doubleOptInEmail, autoAppendOptOut, frequencyCaps, quietHours, duplicateWindowMinutes, emailDailyVolume,
                replyKeywords, null);
    }

    public TenantSettings(boolean doubleOptInSms, boolean doubleOptInEmail, boolean autoAppendOptOut, List<FrequencyCap> frequencyCaps,
                          DailyHours quietHours, int duplicateWindowMinutes, int emailDailyVolume) {
        this(doubleOptInSms, doubleOptInEmail, autoAppendOptOut, frequencyCaps, quietHours, duplicateWindowMinutes, emailDailyVolume,
                java.util.Map.of());
    }

    public TenantSettings(boolean doubleOptInSms, boolean doubleOptInEmail) {
        this(doubleOptInSms, doubleOptInEmail, false, List.of(), null, DEFAULT_DUPLICATE_WINDOW_MINUTES, 0);
    }

    public boolean bulkEmailSender() {
        return emailDailyVolume >= BULK_SENDER_DAILY_VOLUME;
    }
}
