package org.consentry.consent;

import java.util.List;
import java.util.Objects;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;

/**
 * One version of a tenant's hosted opt-in form: which channels it asks consent for (SMS, which covers MMS, and
 * email), for what purpose, how often messages come, and the tenant's terms and privacy pages. The words shown
 * beside each checkbox are built here from the brand and these fields ({@link #disclosure}), so that every form carries
 * the disclosures CTIA's Messaging Principles and the TCPA's prior express written consent require, whatever the tenant
 * writes; a submission records those exact words.
 *
 * @param extraText the tenant's own words, shown after the required ones; may be null
 * @param frequency how often texts come ("Up to 4 msgs/month"): required for SMS (CTIA), not shown for email
 */
public record OptInForm(String id, int version, String name, String title, List<Channel> channels, Purpose purpose,
                        String frequency, String extraText, String termsUrl, String privacyUrl) {

    /**
     * The channels a form may ask for: those whose double opt-in a recipient can complete (a YES by text, the email's
     * link). Calls have no confirmation path yet, so a form cannot ask for them.
     */
    public static final List<Channel> CHANNELS = List.of(Channel.SMS, Channel.EMAIL);

    public OptInForm {
        Objects.requireNonNull(id, "id");
        channels = List.copyOf(channels);
        if (channels.isEmpty() || !CHANNELS.containsAll(channels)) {
            throw new IllegalArgumentException("a form asks for sms or email");
        }
        if (purpose != Purpose.MARKETING && purpose != Purpose.INFORMATIONAL) {
            throw new IllegalArgumentException("a form asks for marketing or informational messages");
        }
        if (channels.contains(Channel.SMS) && (frequency == null || frequency.isBlank())) {
            throw new IllegalArgumentException("an SMS form states the message frequency");
        }
    }

    /** Whether the form asks for a phone number. */
    public boolean asksPhone() {
        return channels.contains(Channel.SMS);
    }

    public boolean asksEmail() {
        return channels.contains(Channel.EMAIL);
    }

    /** The exact words shown beside the checkbox for {@code channel}, and recorded with the consent given through it. */
    public String disclosure(Channel channel, String brand) {
        String kind = purpose == Purpose.MARKETING ? "marketing" : "informational";
        StringBuilder text = new StringBuilder();
        switch (channel) {
            case SMS -> text.append("I agree to receive recurring automated ").append(kind).append(" text messages from ").append(brand)
                    .append(" at the phone number provided. Consent is not a condition of purchase. ").append(sentence(frequency))
                    .append(" Msg & data rates may apply. Reply HELP for help and STOP to cancel.");
            // the frequency is the texts' (CTIA asks it of them); how often email comes is the tenant's own words to add
            case EMAIL -> text.append("I agree to receive ").append(kind).append(" email from ").append(brand)
                    .append(" at the email address provided. Every email has a link to unsubscribe.");
            default -> throw new IllegalArgumentException("a form does not ask for " + channel.wireName());
        }
        if (termsUrl != null) {
            text.append(" Terms: ").append(termsUrl).append('.');
        }
        if (privacyUrl != null) {
            text.append(" Privacy: ").append(privacyUrl).append('.');
        }
        if (extraText != null && !extraText.isBlank()) {
            text.append(' ').append(extraText.strip());
        }
        return text.toString();
    }

    /**
     * The text that asks a recipient to confirm an SMS consent by replying YES (double opt-in), with what CTIA asks of
     * an opt-in confirmation: the brand, what and how often, that rates may apply, HELP and STOP.
     *
     * @param frequency how often messages come, or null when the consent did not say
     */
    public static String smsConfirmation(String brand, Purpose purpose, String frequency) {
        String kind = purpose == Purpose.MARKETING ? "marketing" : purpose == Purpose.INFORMATIONAL ? "informational" : "account";
        return brand + ": reply YES to confirm you want recurring automated " + kind + " texts. "
                + (frequency == null || frequency.isBlank() ? "" : sentence(frequency) + " ")
                + "Msg & data rates may apply. Reply HELP for help, STOP to cancel.";
    }

    private static String sentence(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") ? stripped : stripped + ".";
    }
}
