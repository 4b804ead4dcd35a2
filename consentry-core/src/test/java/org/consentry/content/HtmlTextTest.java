package org.consentry.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void aTextWithAnAmpersandButNoReferenceOrTagIsNotCopied() {
        String text = "Acme: 20% off today. Msg&data rates may apply. Reply STOP to opt out.";
        assertThat(HtmlText.of(text)).isSameAs(text);
    }

    @Test
    void referencesAreDecodedInlineTagsDroppedAndOtherTagsSpaces() {
        assertThat(HtmlText.of("<p>Fish &amp; chips, c&#97;s<b></b>ino</p><p>next</p>")).isEqualTo(" Fish & chips, casino  next ");
        assertThat(HtmlText.of("3 < 5 & 6 > 2")).isEqualTo("3 < 5 & 6 > 2");
    }
}
