package org.consentry.store.inbound;

import org.consentry.tenant.TenantProfile;

/**
 * The texts sent back to keyword replies. Each names the brand; the opt-out confirmation carries no
 * marketing (47 CFR 64.1200(a)(10)); HELP gives the support contact, the message frequency, "Msg & data rates may apply" and the
 * STOP instruction (CTIA Messaging Principles 5.1.3).
 */
final class ReplyTexts {

    private ReplyTexts() {
    }

    static String optedOut(TenantProfile tenant) {
        return tenant.brand() + ": You are unsubscribed and will receive no more messages. Reply START to resubscribe.";
    }

    static String optedIn(TenantProfile tenant) {
        return tenant.brand() + ": You are subscribed again. Msg & data rates may apply. Reply HELP for help, STOP to opt out.";
    }

    static String confirmed(TenantProfile tenant) {
        return tenant.brand() + ": Thanks, your subscription is confirmed. Msg & data rates may apply. "
                + "Reply HELP for help, STOP to opt out.";
    }

    /**
     * @param frequency what the recipient agreed to ("4/month"), or null: then "Msg frequency varies"
     */
    static String help(TenantProfile tenant, String frequency) {
        String support = tenant.supportContact() == null ? "" : " Help: " + tenant.supportContact() + ".";
        String often = frequency == null ? " Msg frequency varies." : " Msg frequency: " + frequency + ".";
        return tenant.brand() + ":" + support + often + " Msg & data rates may apply. Reply STOP to opt out.";
    }
}
