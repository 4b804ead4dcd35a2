package org.consentry.policy.rules.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.TestFacts.facts;

import java.util.List;
import java.util.Map;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CTIA Messaging Principles 5.1.1 (SHAFT) and providers' prohibited categories. */
class ProhibitedContentRuleTest {

    private final ProhibitedContentRule rule = ProhibitedContentRule.load();

    private Outcome check(String body) {
        SendRequest request = marketingSms().body(body).build();
        return rule.check(request, facts().of(request));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "Bar 41: two for one drinks tonight, happy hour 5-7!               | alcohol",
            "Big sale on AR-15 parts and 9mm ammo this weekend                 | firearms",
            "New disposable vapes in stock, 20% off                            | tobacco",
            "Green Leaf dispensary: THC gummies 2 for $30                      | cannabis",
            "Xanax and oxy without prescription, fast shipping                 | drugs",
            "Play slots at Lucky Star online casino, 50 free spins             | gambling",
            "Need cash now? Payday loans approved in minutes                   | high_risk_finance",
            "Make $5000 a week from home! Be your own boss                     | get_rich_quick",
            "Hot singles in your area want to chat                             | sex",
    })
    void findsEachProhibitedCategory(String body, String category) {
        Outcome outcome = check(body);
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.CONTENT_PROHIBITED);
        assertThat(outcome.reason().evidence().get("categories")).asList().contains(category);
    }

    @Test
    void readsLeetspeakAsLetters() {
        assertThat(check("Pl4y at the c4sino, fr33 sp1ns!").passed()).isFalse();
        assertThat(check("W33d delivery tonight").passed()).isFalse();
    }

    @Test
    void namesTheMatchedTermsAsEvidence() {
        Outcome outcome = check("Tequila shots and craft beer all night");
        @SuppressWarnings("unchecked")
        Map<String, List<String>> terms = (Map<String, List<String>>) outcome.reason().evidence().get("matched_terms");
        assertThat(terms.get("alcohol")).contains("tequila shots", "craft beer");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Hardware Hut: glue guns and nail guns 30% off this week. Reply STOP to opt out.",
            "Maple Diner: root beer floats and pot roast special tonight",
            "Our new wine glasses are back in stock",
            "Town notice: weed control spraying in Lincoln Park Tuesday",
            "Reminder: test your smoke alarm when the clocks change",
            "Free flu shots at the Main St pharmacy this Saturday",
            "We bet you'll love our new scones",
            "Acme: your code is 123456",
    })
    void passesHarmlessUsesOfTheWords(String body) {
        assertThat(check(body).passed()).isTrue();
    }

    @Test
    void aGroupNamedAloneIsNotHateButWithADehumanisingTermItIs() {
        assertThat(check("Free legal clinic for immigrants this Saturday at the library").passed()).isTrue();
        assertThat(check("Immigrants are parasites, join the patrol").passed()).isFalse();
    }
}
