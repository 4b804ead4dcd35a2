package org.consentry.policy.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.SendRequests.transactionalSms;
import static org.consentry.testing.TestFacts.facts;

import java.util.List;
import org.consentry.policy.Channel;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.TenantSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CTIA Messaging Principles 5.1.2; 47 CFR 64.1200(b)(3). */
class OptOutLanguageRuleTest {

    private static final OptOutLanguage LANGUAGE = OptOutLanguage.load();
    private final OptOutLanguageRule rule = new OptOutLanguageRule(LANGUAGE);

    private Outcome check(SendRequest request) {
        return rule.check(request, facts().of(request));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Acme: 20% off today. Reply STOP to opt out.   | true",
            "Acme: 20% off today. Txt STOP to end          | true",
            "Acme: 20% off today. STOP2END                 | true",
            "Acme: 20% off today.                          | false",
            "Acme: don't stop shopping, 20% off today!     | false",
            "Acme: nonstop SMS deals all week, 30% off     | false",
            "Acme: non-stop to end the season, 40% off     | false",
            "Acme: 20% off today. (Reply STOP to opt out)  | true",
            "Acme: 20% off today. Reply STOP.              | true",
            "Acme: 20% off today. Text STOPALL to opt out  | true",
            "Acme: 20% off today. Opt-out: STOP            | true",
            "Acme : -20% aujourd'hui. STOP au 36180        | true",
            "Acme : 20 % de rabais. Répondez ARRÊT pour vous désabonner | true",
            "Acme : 20 % de rabais. Repondez ARRET pour vous desabonner | true",
            "Acme : 20 % de rabais. Textez ARRÊT pour vous désabonner   | true",
            "Acme : 20 % de rabais, sans arrêt tout le mois             | false",
            "Acme: 20% Rabatt heute. Antworte STOPP zum Abmelden        | true",
            "Acme: 20% Rabatt heute. Antworten Sie mit STOPP            | true",
            "Acme: 20% Rabatt heute, ohne Stopp bis Sonntag             | false",
    })
    void marketingTextsSayHowToStop(String body, boolean allowed) {
        assertThat(check(marketingSms().body(body).build()).passed()).isEqualTo(allowed);
    }

    @Test
    void explainsWhatIsMissing() {
        Outcome outcome = check(marketingSms().body("Acme: 20% off today.").build());
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.OPT_OUT_LANGUAGE_MISSING);
        assertThat(outcome.reason().message()).contains("Reply STOP to opt out").contains("auto_append_opt_out");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Hi, this is Acme with a special offer. Press 9 to be removed from our list. | true",
            "Hi, this is Acme with a special offer. Call us back at 800-555-0199.        | false",
    })
    void prerecordedMarketingCallsOfferAnAutomatedOptOut(String script, boolean allowed) {
        assertThat(check(marketingSms().channel(Channel.RVM).body(script).build()).passed()).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "prerecorded voice, no opt-out  | true  | false | Hi, this is Acme with a special offer. Call us back at 800-555-0199. | false",
            "AI voice, no opt-out           | false | true  | Hi, this is Acme with a special offer. Call us back at 800-555-0199. | false",
            "prerecorded voice, press 9     | true  | false | Hi, this is Acme with a special offer. Press 9 to be removed.        | true",
            "live voice, no script checked  | false | false | Hi, this is Acme with a special offer.                               | true",
    })
    void prerecordedAndArtificialVoiceCallsOfferAnAutomatedOptOut(String description, boolean prerecorded, boolean aiVoice,
                                                                   String script, boolean allowed) {
        SendRequest call = marketingSms().channel(Channel.VOICE).prerecorded(prerecorded).aiVoice(aiVoice).body(script).build();
        assertThat(check(call).passed()).isEqualTo(allowed);
    }

    @Test
    void transactionalTextsAndLiveCallsAreNotBound() {
        assertThat(check(transactionalSms().body("Acme: your order shipped").build()).passed()).isTrue();
        assertThat(check(marketingSms().channel(Channel.VOICE).body("Live call").build()).passed()).isTrue();
    }

    @Test
    void autoAppendAddsTheLineInsteadOfBlocking() {
        TenantSettings append = new TenantSettings(false, false, true, List.of(), null, 60, 0);
        SendRequest request = marketingSms().body("Acme: 20% off today").build();
        SendRequest completed = LANGUAGE.complete(request, append, facts().of(request).content());
        assertThat(completed.body()).isEqualTo("Acme: 20% off today. Reply STOP to opt out.");
        assertThat(check(completed).passed()).isTrue();
        SendRequest already = marketingSms().body("Acme: sale! Reply STOP to opt out").build();
        assertThat(LANGUAGE.complete(already, append, facts().of(already).content())).isSameAs(already);
        assertThat(LANGUAGE.complete(request, TenantSettings.DEFAULTS, facts().of(request).content())).isSameAs(request);
    }
}
