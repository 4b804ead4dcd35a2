package org.consentry.policy.rules.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingEmail;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import java.util.List;
import org.consentry.policy.Channel;
import org.consentry.policy.OptOutScope;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptedOutRuleTest {

    private final OptedOutRule rule = OptedOutRule.load();

    @ParameterizedTest(name = "opted out of {0}, sending {1}: blocked={2}")
    @CsvSource({
            "SMS,   SMS,   true",
            "SMS,   MMS,   true",
            "SMS,   VOICE, false",
            "SMS,   EMAIL, false",
            "VOICE, VOICE, true",
            "VOICE, IVR,   true",
            "VOICE, RVM,   true",
            "VOICE, SMS,   false",
            "EMAIL, EMAIL, true",
            "EMAIL, SMS,   false",
    })
    void blocksTheChannelsTheOptOutCovers(OptOutScope scope, Channel channel, boolean blocked) {
        SendRequest request = (channel == Channel.EMAIL ? marketingEmail() : marketingSms().channel(channel)).build();
        Outcome outcome = rule.check(request, facts().optedOut(scope).of(request));
        assertThat(outcome.passed()).isEqualTo(!blocked);
    }

    @Test
    void anOptOutOfAllIsEveryScope() {
        for (Channel channel : Channel.values()) {
            SendRequest request = (channel == Channel.EMAIL ? marketingEmail() : marketingSms().channel(channel)).build();
            var facts = facts();
            for (OptOutScope scope : OptOutScope.values()) {
                facts.optedOut(scope);
            }
            assertThat(rule.check(request, facts.of(request)).passed()).as(channel.name()).isFalse();
        }
    }

    @Test
    void bindsEveryPurposeAndExplainsItself() {
        SendRequest request = marketingSms().purpose(Purpose.TRANSACTIONAL).build();
        Outcome outcome = rule.check(request, facts().optedOut(OptOutScope.SMS).of(request));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.OPTED_OUT);
        assertThat(outcome.reason().message()).contains("+13055550100 opted out of sms").contains("sms:STOP");
        assertThat(outcome.reason().evidence()).containsEntry("scope", "sms").containsEntry("via", "sms:STOP")
                .containsEntry("opted_out_at", "2026-03-01T10:00:00Z");
    }

    @Test
    void anEmailOfAListTheRecipientLeftIsBlockedAndTheTenantsOtherEmailIsNot() {
        SendRequest spring = marketingEmail().campaign("spring").build();
        Outcome left = rule.check(spring, facts().leftList("spring").of(spring));
        assertThat(left.reason().code()).isEqualTo(ReasonCode.OPTED_OUT);
        assertThat(left.reason().message()).contains("unsubscribed from the list 'spring'").contains("email:one-click");
        assertThat(left.reason().evidence()).containsEntry("scope", "list").containsEntry("list", "spring");

        SendRequest autumn = marketingEmail().campaign("autumn").build();
        assertThat(rule.check(autumn, facts().leftList("spring").of(autumn)).passed()).isTrue();
        SendRequest text = marketingSms().campaign("spring").build();
        assertThat(rule.check(text, facts().leftList("spring").of(text)).passed()).as("a list is email only").isTrue();
    }

    private static final Instant OPTED_OUT = Instant.parse("2026-03-14T15:58:00Z");
    private static final String PLAIN = "Acme: You are unsubscribed from Acme alerts and will receive no more messages. Reply START to resubscribe.";
    private static final String SPRING_SALE = "Acme: you are unsubscribed. Before you go: spring sale, 50% off all boots today only "
            + "at acme.example/sale - buy now!";

    private Outcome confirm(String body, long secondsAfter) {
        SendRequest request = marketingSms().purpose(Purpose.OPT_OUT_CONFIRMATION).body(body).at(OPTED_OUT.plusSeconds(secondsAfter)).build();
        return rule.check(request, facts().optedOut(OptOutScope.SMS, OPTED_OUT).of(request));
    }

    @ParameterizedTest(name = "{0}: allowed={2}")
    @CsvSource(delimiter = '|', value = {
            "plain confirmation                | Acme: You are unsubscribed from Acme alerts and will receive no more messages. Reply START to resubscribe.      | true",
            "with HELP text                    | Acme: You are unsubscribed and will receive no more messages. Reply HELP for help or START to resubscribe.     | true",
            "with a support phone number       | Acme: You have opted out and will get no further texts. Questions? Call 1-800-555-0199 or reply HELP.         | true",
            "naming the offers that stop       | Acme: You will receive no more offers from us. Msg&data rates may apply. Reply START to rejoin.               | true",
            "STOP confirmed in French          | Acme : vous ne recevrez plus de SMS. Envoyez START pour vous réabonner.                                       | true",
            "a sale, 50% off, a link, buy now  | Acme: you are unsubscribed. Before you go: spring sale, 50% off all boots today only at acme.example/sale - buy now! | false",
            "a price                           | Acme: you are unsubscribed. Boots from $29.99 this week only.                                                 | false",
            "a percentage                      | Acme: you are unsubscribed. Come back any time for 15% on your next visit.                                    | false",
            "an amount in euros                | Acme: you are unsubscribed. Here is a 10 € thank-you for your next visit.                                     | false",
            "a link                            | Acme: you are unsubscribed. See what is new at https://acme.example/new                                       | false",
            "a coupon                          | Acme: you are unsubscribed. Use the coupon BYE10 next time.                                                   | false",
            "an offer to order now             | Acme: you are unsubscribed. Order now and get a free gift with every pair.                                    | false",
    })
    void theOptOutConfirmationCarriesNoMarketing(String description, String body, boolean allowed) {
        Outcome outcome = confirm(body, 120);
        assertThat(outcome.passed()).as(description).isEqualTo(allowed);
        if (!allowed) {
            assertThat(outcome.reason().code()).isEqualTo(ReasonCode.OPTED_OUT);
            assertThat(outcome.reason().message()).contains("may carry no marketing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain, 4 min 59 s after the opt-out: allowed        | false | 299 | true",
            "with marketing, 4 min 59 s after: blocked          | true  | 299 | false",
            "plain, 5 min after: blocked as any other message   | false | 300 | false",
            "with marketing, 5 min after: blocked               | true  | 300 | false",
    })
    void onlyAConfirmationWithoutMarketingWithinFiveMinutesPasses(String description, boolean marketing, long seconds, boolean allowed) {
        assertThat(confirm(marketing ? SPRING_SALE : PLAIN, seconds).passed()).as(description).isEqualTo(allowed);
    }

    @Test
    void aConfirmationCarryingMarketingNamesWhatItCarriesAndTheRegulation() {
        Outcome outcome = confirm(SPRING_SALE, 120);
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.OPTED_OUT);
        assertThat(outcome.reason().message())
                .startsWith("The confirmation of the opt-out by +13055550100 at 2026-03-14T15:58:00Z may carry no marketing")
                .contains("47 CFR 64.1200(a)(12)");
        @SuppressWarnings("unchecked")
        List<String> terms = (List<String>) outcome.reason().evidence().get("matched_terms");
        assertThat(terms).contains("sale", "today only", "buy now", "50%", "acme.example/sale");
        assertThat(outcome.reason().evidence()).containsEntry("regulation", "47 CFR 64.1200(a)(12)").containsEntry("scope", "sms")
                .containsEntry("opted_out_at", "2026-03-14T15:58:00Z");
    }

    @Test
    void allowsWithoutAnOptOut() {
        SendRequest request = marketingSms().build();
        assertThat(rule.check(request, facts().of(request)).passed()).isTrue();
    }
}
