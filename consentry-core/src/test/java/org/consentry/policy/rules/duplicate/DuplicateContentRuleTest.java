package org.consentry.policy.rules.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.TenantSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DuplicateContentRuleTest {

    private static final Instant NOW = Instant.parse("2026-03-14T17:00:00Z");
    private static final String SALE = "Acme: spring sale, 20% off shoes today at https://acme.example/sale. Reply STOP to opt out.";
    private final DuplicateContentRule rule = new DuplicateContentRule();

    private Outcome check(String body, Duration ago, String sentBody) {
        SendRequest request = marketingSms().body(body).at(NOW).build();
        return rule.check(request, facts().sent(NOW.minus(ago), Channel.SMS, Purpose.MARKETING, null, sentBody).of(request));
    }

    @ParameterizedTest(name = "sent {0} minutes before: duplicate={1}")
    @CsvSource({"59, true", "60, false"})
    void theSameTextWithinTheWindowIsADuplicate(long minutes, boolean duplicate) {
        Outcome outcome = check(SALE, Duration.ofMinutes(minutes), SALE);
        assertThat(outcome.passed() || !"exact".equals(outcome.reason().evidence().get("match"))).isEqualTo(!duplicate);
    }

    @ParameterizedTest(name = "committed for {0} minutes later: duplicate={1}")
    @CsvSource({"30, true", "59, true", "60, false"})
    void theSameTextCommittedForLaterWithinTheWindowIsADuplicate(long minutes, boolean duplicate) {
        Outcome outcome = check(SALE, Duration.ofMinutes(-minutes), SALE);
        assertThat(outcome.passed() || !"exact".equals(outcome.reason().evidence().get("match"))).isEqualTo(!duplicate);
        if (duplicate) {
            assertThat(outcome.reason().message()).contains("is committed to go to")
                    .contains(NOW.plus(Duration.ofMinutes(minutes)).toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "one word changed, committed 3 hours later: near duplicate      | 180  | true",
            "one word changed, committed 23 h 59 min later: near duplicate  | 1439 | true",
            "one word changed, committed 24 hours later: fine               | 1440 | false",
    })
    void nearlyTheSameCommittedForLaterWithinADayIsADuplicate(String description, long minutesLater, boolean duplicate) {
        String boots = "Acme: spring sale, 20% off boots today at https://acme.example/sale. Reply STOP to opt out.";
        assertThat(check(boots, Duration.ofMinutes(-minutesLater), SALE).passed()).as(description).isEqualTo(!duplicate);
    }

    @Test
    void caseSpacesAndTrackingParametersDoNotMakeItNew() {
        String again = "ACME:  spring sale, 20% off shoes today at https://acme.example/sale?utm_source=sms&gclid=9. Reply STOP to opt out.";
        Outcome outcome = check(again, Duration.ofMinutes(10), SALE);
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.DUPLICATE_CONTENT);
        assertThat(outcome.reason().evidence()).containsEntry("match", "exact");
    }

    /**
     * No-break spaces between the words are spaces: written so, the same text ten minutes later is still the same
     * text. Before, the link swallowed every word after it up to a space Java calls white space (the no-break space
     * is not one), and what was left had too few words in common to be nearly the same.
     */
    @Test
    void noBreakSpacesDoNotHideTheSameText() {
        String again = SALE.replace(' ', '\u00a0');
        Outcome outcome = check(again, Duration.ofMinutes(10), SALE);
        assertThat(outcome.passed()).as("a duplicate").isFalse();
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.DUPLICATE_CONTENT);
        SendRequest request = marketingSms().body(again).at(NOW).build();
        TenantSettings twoDays = new TenantSettings(false, false, false, List.of(), null, 2_880, 0);
        Outcome dayLater = rule.check(request, facts().settings(twoDays)
                .sent(NOW.minus(Duration.ofHours(30)), Channel.SMS, Purpose.MARKETING, null, SALE).of(request));
        assertThat(dayLater.passed()).as("the same text in a two-day window").isFalse();
        assertThat(dayLater.reason().evidence()).containsEntry("match", "exact");
    }

    /**
     * In an exact window longer than the near one (a tenant's two days), the same text is the same however it is
     * dressed: invisible characters, letters of other scripts that look like Latin ones, styled (full-width) letters,
     * punctuation added or dropped, a link's trailing slash, empty query or fragment. Another offer is not.
     */
    @ParameterizedTest(name = "{0}: exact={2}")
    @CsvSource(delimiter = '|', value = {
            "zero-width spaces inside words    | Acme: spr\u200bing sale, 20% off sh\u200boes today at https://acme.example/sale. Reply STOP to opt out. | true",
            "Cyrillic look-alike letters       | \u0410cme: \u0455pring sale, 20% off shoes today at https://acme.example/sale. Reply STOP to \u043ept out. | true",
            "full-width letters                | Acme: \uff53\uff50\uff52\uff49\uff4e\uff47 sale, 20% off shoes today at https://acme.example/sale. Reply STOP to opt out. | true",
            "trailing punctuation added        | Acme: spring sale, 20% off shoes today at https://acme.example/sale. Reply STOP to opt out!!! | true",
            "trailing punctuation dropped      | Acme: spring sale, 20% off shoes today at https://acme.example/sale. Reply STOP to opt out | true",
            "a space before a colon            | Acme : spring sale, 20% off shoes today at https://acme.example/sale. Reply STOP to opt out. | true",
            "the link with a trailing slash    | Acme: spring sale, 20% off shoes today at https://acme.example/sale/. Reply STOP to opt out. | true",
            "the link with an empty query      | Acme: spring sale, 20% off shoes today at https://acme.example/sale?. Reply STOP to opt out. | true",
            "the link with a fragment          | Acme: spring sale, 20% off shoes today at https://acme.example/sale#top. Reply STOP to opt out. | true",
            "another discount: not the same    | Acme: spring sale, 30% off shoes today at https://acme.example/sale. Reply STOP to opt out. | false",
            "another link: not the same        | Acme: spring sale, 20% off shoes today at https://acme.example/boots. Reply STOP to opt out. | false",
    })
    void theSameTextDressedOtherwiseIsTheSameInALongExactWindow(String description, String body, boolean duplicate) {
        SendRequest request = marketingSms().body(body).at(NOW).build();
        TenantSettings twoDays = new TenantSettings(false, false, false, List.of(), null, 2_880, 0);
        Outcome outcome = rule.check(request, facts().settings(twoDays)
                .sent(NOW.minus(Duration.ofHours(30)), Channel.SMS, Purpose.MARKETING, null, SALE).of(request));
        assertThat(outcome.passed()).as(description).isEqualTo(!duplicate);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "one word changed, 3 hours later: near duplicate | Acme: spring sale, 20% off boots today at https://acme.example/sale. Reply STOP to opt out. | 180  | true",
            "the same, 25 hours later: fine                  | Acme: spring sale, 20% off boots today at https://acme.example/sale. Reply STOP to opt out. | 1500 | false",
            "another message entirely: fine                  | Acme: our new store on Main St opens Friday with live music. Reply STOP to opt out.        | 30   | false",
    })
    void nearlyTheSameWithinADayIsADuplicate(String description, String body, long minutesAgo, boolean duplicate) {
        assertThat(check(body, Duration.ofMinutes(minutesAgo), SALE).passed()).as(description).isEqualTo(!duplicate);
    }

    @Test
    void theTenantSetsTheExactWindow() {
        SendRequest request = marketingSms().body(SALE).at(NOW).build();
        TenantSettings fiveMinutes = new TenantSettings(false, false, false, List.of(), null, 5, 0);
        Outcome outcome = rule.check(request, facts().settings(fiveMinutes)
                .sent(NOW.minus(Duration.ofMinutes(10)), Channel.SMS, Purpose.MARKETING, null, SALE).of(request));
        assertThat(outcome.reason().evidence()).containsEntry("match", "near");
    }

    @Test
    void transactionalRepeatsAreFine() {
        SendRequest request = marketingSms().purpose(Purpose.TRANSACTIONAL).body("Acme: your code is 123456").at(NOW).build();
        assertThat(rule.check(request, facts().sent(NOW.minusSeconds(60), Channel.SMS, Purpose.TRANSACTIONAL, null,
                "Acme: your code is 123456").of(request)).passed()).isTrue();
    }
}
