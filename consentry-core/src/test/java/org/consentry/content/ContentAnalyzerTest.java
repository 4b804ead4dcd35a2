package org.consentry.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.api.Test;

class ContentAnalyzerTest {

    private final ContentAnalyzer analyzer = ContentAnalyzer.load();

    @Test
    void aBodySeenTwiceIsRememberedWithWhatTheRulesMadeOfIt() {
        String body = "Acme: spring sale, 20% off at https://acme.example/s?utm_source=sms. Reply STOP to opt out.";
        MessageContent first = analyzer.analyze(body);
        MessageContent second = analyzer.analyze(new String(body.toCharArray())); // an equal string, as another request brings
        assertThat(second).isNotSameAs(first).isEqualTo(first);
        assertThat(analyzer.analyze(body)).isSameAs(second);
        assertThat(second.contentHash()).isEqualTo(analyzer.analyze("ACME:  spring sale, 20% off at "
                + "https://acme.example/s?utm_source=email. Reply STOP to opt out.").contentHash());
    }

    /** Texts sent once (codes, notices, personalised offers) must not push the campaigns' bodies out of memory. */
    @Test
    void bodiesSentOnceDoNotPushOutTheCampaigns() {
        List<String> campaigns = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            campaigns.add("Acme: offer " + i + " of the week, see https://acme.example/o/" + i + ". Reply STOP to opt out.");
        }
        List<MessageContent> remembered = new ArrayList<>();
        for (String campaign : campaigns) {
            analyzer.analyze(campaign);
            remembered.add(analyzer.analyze(campaign));
        }
        for (int i = 0; i < 5 * ContentAnalyzer.REMEMBERED_BODIES; i++) {
            analyzer.analyze("Acme: your code is " + (100_000 + i) + ". Never share it.");
        }
        for (int i = 0; i < campaigns.size(); i++) {
            assertThat(analyzer.analyze(campaigns.get(i))).as(campaigns.get(i)).isSameAs(remembered.get(i));
        }
    }

    @Test
    void anEmailIsReadAsItsSubjectThenItsBody() {
        MessageContent email = analyzer.analyze("Last chance", "<p>Sale ends <a href=\"https://acme.example/x\">today</a></p>");
        assertThat(email.words()).startsWith("last", "chance", "sale", "ends");
        assertThat(email.links()).extracting(Link::host).containsExactly("acme.example");
        assertThat(analyzer.analyze("Last chance", "<p>Sale ends <a href=\"https://acme.example/x\">today</a></p>"))
                .isEqualTo(email);
        assertThat(analyzer.analyze(null, "Hello there")).isEqualTo(analyzer.analyze("Hello there"));
        assertThat(analyzer.analyze("Hello", null).words()).containsExactly("hello");
    }

    /** The shortcut for texts already collapsed answers as the full pass does, for any text; a no-break space is a space. */
    @Property(tries = 2_000)
    void collapsingAnyTextLeavesSingleSpacesBetweenWords(
            @ForAll @Chars({' ', '\t', '\n', '\r', '\u2003', '\u00a0', ',', 'a', 'B'}) @CharRange(from = 'a', to = 'e') String text) {
        StringBuilder expected = new StringBuilder();
        for (String part : text.split("[\\s\\p{javaWhitespace}\\p{javaSpaceChar}]+")) {
            if (!part.isEmpty()) {
                expected.append(expected.length() == 0 ? "" : " ").append(part);
            }
        }
        assertThat(ContentAnalyzer.collapse(text, false)).isEqualTo(expected.toString());
    }
}
