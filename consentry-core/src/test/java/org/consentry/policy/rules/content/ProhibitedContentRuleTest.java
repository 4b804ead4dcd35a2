package org.consentry.policy.rules.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.SendRequests.transactionalSms;
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

    /** Letters of other scripts, invisible characters and styled forms inside a word do not hide it. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Cyrillic a                 | Play at the c\u0430sino tonight",
            "Cyrillic c and a           | Play at the \u0441\u0430sino tonight",
            "Cyrillic i                 | Buy v\u0456agra online",
            "Greek omicron and iota     | Buy c\u03BFcaine and v\u03B9agra",
            "capital Cyrillic           | PLAY AT THE \u0421\u0410SINO",
            "zero-width space           | Play at the cas\u200Bino tonight",
            "soft hyphen                | Play at the cas\u00ADino tonight",
            "zero-width joiner          | Best we\u200Ded in town",
            "byte order mark            | Play at the cas\uFEFFino tonight",
            "fullwidth letters          | Play at the \uFF43\uFF41\uFF53\uFF49\uFF4E\uFF4F tonight",
            "mathematical bold letters  | Play at the \uD835\uDC1C\uD835\uDC1A\uD835\uDC2C\uD835\uDC22\uD835\uDC27\uD835\uDC28 tonight",
            "combining accent           | Play at the ca\u0301sino tonight",
            "accented letter            | Play at the cas\u00ECno tonight",
            "circled letters            | \u24B8\u24B6\u24C8\u24BE\u24C3\u24C4 night",
            "small capitals             | Play at the \u1D04\u1D00\uA731\u026A\u0274\u1D0F tonight",
            "Armenian o                 | Play at the casin\u0585 tonight",
            "Cyrillic izhitsa           | Buy \u0475iagra online",
            "negative circled letters   | Play at the \uD83C\uDD52\uD83C\uDD50\uD83C\uDD62\uD83C\uDD58\uD83C\uDD5D\uD83C\uDD5E tonight",
            "regional indicators        | Play at the \uD83C\uDDE8\uD83C\uDDE6\uD83C\uDDF8\uD83C\uDDEE\uD83C\uDDF3\uD83C\uDDF4 tonight",
    })
    void readsDisguisedLettersAsTheLettersTheyShow(String disguise, String body) {
        assertThat(check(body).reason().code()).isEqualTo(ReasonCode.CONTENT_PROHIBITED);
    }

    /** A word spelled out one letter at a time is still the word. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Play at the c.a.s.i.n.o tonight",
            "Play at the c a s i n o tonight",
            "Buy v-i-a-g-r-a online",
            "Play at the c_a_s_i_n_o tonight",
            "Play at the C*A*S*I*N*O tonight",
            "Play at the c 4 s 1 n 0 tonight",
            "Best w.e.e.d in town",
    })
    void readsWordsSpelledOutLetterByLetter(String body) {
        assertThat(check(body).reason().code()).isEqualTo(ReasonCode.CONTENT_PROHIBITED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Vitamins A, C and E in every glass of our juice",
            "Seats in rows A B C D are reserved for members",
            "Pick plan A or B by Friday",
            "Thanks for shopping with us! Love, the Acme team x x x",
    })
    void passesSingleLettersThatSpellNoTerm(String body) {
        assertThat(check(body).passed()).isTrue();
    }

    /** An HTML email shows a word whole though character references or inline tags split it in the source. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "decimal reference          | <p>Play at the &#99;asino tonight</p>",
            "hex reference              | <p>Play at the &#x63;asino tonight</p>",
            "named soft hyphen          | <p>Play at the c&shy;asino tonight</p>",
            "empty bold tag             | <p>Play at the cas<b></b>ino tonight</p>",
            "two spans                  | <p>Play at the <span>cas</span><span style='color:red'>ino</span> tonight</p>",
            "comment                    | <p>Play at the cas<!-- x -->ino tonight</p>",
            "word break opportunity     | <p>Buy via<wbr>gra online</p>",
    })
    void readsWordsSplitByHtmlAsTheReaderSeesThem(String disguise, String body) {
        assertThat(check(body).reason().code()).isEqualTo(ReasonCode.CONTENT_PROHIBITED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<p>Tom &amp; Jerry's diner: pie &#38; coffee $5</p><p>Open till 9</p>",
            "<p>Fishing trip: we cast</p><p>in open water</p>",
            "Msg&data rates may apply. Reply STOP to opt out.",
    })
    void passesHtmlWhoseBlocksAndReferencesMakeNoTerm(String body) {
        assertThat(check(body).passed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Caf\u00E9 Lun\u00E1: your table for 2 is booked for 7 PM\u2122",
            "\u0412\u0430\u0448 \u0437\u0430\u043A\u0430\u0437 \u0434\u043E\u0441\u0442\u0430\u0432\u043B\u0435\u043D",
            "\u3054\u6CE8\u6587\u3042\u308A\u304C\u3068\u3046\u3054\u3056\u3044\u307E\u3059",
            "\uC8FC\uBB38\uC774 \uBC30\uC1A1\uB418\uC5C8\uC2B5\uB2C8\uB2E4",
    })
    void passesTextsInOtherScriptsAndWithAccents(String body) {
        assertThat(check(body).passed()).isTrue();
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
            "Hardware Hut: rivet guns, grease guns and tape guns 25% off. Reply STOP to opt out.",
            "Acme Auto: new paint gun and foam gun kits in the detailing aisle",
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

    /** A pharmacy may name the medicine it has ready; selling it without a prescription stays prohibited. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Main St Pharmacy: your refill of tramadol is ready for pick-up.",
            "Rite Aid: your Adderall prescription is ready for pickup.",
            "Lumina Pharmacy: your prescription for Ambien is ready to pick up at 310 Main St.",
    })
    void passesAPharmacysPickUpReminderNamingAPrescriptionDrug(String body) {
        SendRequest reminder = transactionalSms().body(body).build();
        assertThat(rule.check(reminder, facts().of(reminder)).passed()).isTrue();
    }

    /** A marketing send that says the drug is "ready for pickup" sells it: the reminder's exemption is for notices. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Your Xanax is ready for pickup, text back to order",
            "Main St Pharmacy: your refill of tramadol is ready for pick-up.",
    })
    void aMarketingSendNamingAPrescriptionDrugIsDrugsEvenAsAPickUp(String body) {
        assertThat(check(body).reason().evidence().get("categories")).asList().contains("drugs");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Xanax bars ready for pickup tonight, no prescription needed",
            "Viagra and Cialis 80% off, discreet shipping",
            "Oxycodone ready for pickup, DM for prices, xans too",
    })
    void stillFindsPrescriptionDrugsSoldWithoutOne(String body) {
        assertThat(check(body).reason().evidence().get("categories")).asList().contains("drugs");
    }

    @Test
    void aGroupNamedAloneIsNotHateButWithADehumanisingTermItIs() {
        assertThat(check("Free legal clinic for immigrants this Saturday at the library").passed()).isTrue();
        assertThat(check("Immigrants are parasites, join the patrol").passed()).isFalse();
    }
}
