package org.consentry.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.junit.jupiter.api.Test;

/**
 * The words a hosted form shows beside each box: what CTIA's Messaging Principles and Best Practices ask of an SMS
 * call to action (brand, what and how often, "Msg & data rates may apply", HELP and STOP, terms and privacy), with the
 * TCPA's "not a condition of purchase" (47 CFR 64.1200(f)(9)).
 */
class OptInFormTest {

    private static OptInForm form(List<Channel> channels, String frequency, String extra) {
        return new OptInForm("frm_1", 1, "Club", "Join", channels, Purpose.MARKETING, frequency, extra,
                "https://acme.example/terms", "https://acme.example/privacy");
    }

    @Test
    void theSmsBoxCarriesEveryDisclosureCtiaAsksFor() {
        String text = form(List.of(Channel.SMS), "Up to 4 msgs/month", null).disclosure(Channel.SMS, "Acme");
        assertThat(text).isEqualTo("I agree to receive recurring automated marketing text messages from Acme at the phone number provided."
                + " Consent is not a condition of purchase. Up to 4 msgs/month. Msg & data rates may apply."
                + " Reply HELP for help and STOP to cancel. Terms: https://acme.example/terms. Privacy: https://acme.example/privacy.");
    }

    @Test
    void theTenantsOwnWordsComeAfterTheRequiredOnes() {
        String text = form(List.of(Channel.SMS, Channel.EMAIL), "Up to 4 msgs/month", "  Members get early access.  ").disclosure(Channel.EMAIL, "Acme");
        assertThat(text).as("the texts' frequency is not the email's").doesNotContain("msgs/month");
        assertThat(text).startsWith("I agree to receive marketing email from Acme").contains("link to unsubscribe")
                .endsWith("Privacy: https://acme.example/privacy. Members get early access.");
    }

    @Test
    void aFormMustStateHowOftenTextsComeAndAskOnlyForWhatItCan() {
        assertThatThrownBy(() -> form(List.of(Channel.SMS), " ", null)).hasMessageContaining("frequency");
        assertThatThrownBy(() -> form(List.of(Channel.RVM), null, null)).hasMessageContaining("sms or email");
        assertThatThrownBy(() -> form(List.of(Channel.VOICE), null, null)).as("calls have no confirmation path yet")
                .hasMessageContaining("sms or email");
        assertThatThrownBy(() -> form(List.of(), null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OptInForm("f", 1, "n", "t", List.of(Channel.EMAIL), Purpose.TRANSACTIONAL, null, null, null, null))
                .hasMessageContaining("marketing or informational");
        assertThat(form(List.of(Channel.SMS, Channel.EMAIL), "2/week", null).asksPhone()).isTrue();
        assertThat(form(List.of(Channel.EMAIL), null, null).asksPhone()).isFalse();
    }

    @Test
    void theConfirmationTextAsksForYesWithBrandRatesHelpAndStop() {
        assertThat(OptInForm.smsConfirmation("Acme", Purpose.MARKETING, "4/month"))
                .isEqualTo("Acme: reply YES to confirm you want recurring automated marketing texts. 4/month."
                        + " Msg & data rates may apply. Reply HELP for help, STOP to cancel.");
        assertThat(OptInForm.smsConfirmation("Acme", Purpose.INFORMATIONAL, null)).doesNotContain("null").contains("informational texts. Msg");
    }
}
