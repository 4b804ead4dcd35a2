package org.consentry.policy.rules.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a reader sees of an email body: comments dropped, tags read as spaces. */
class EmailBodyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain text                 | Acme sale. 1 Main St                        | acme sale. 1 main st",
            "tags read as spaces        | <p>Acme</p><p>1 Main St</p>                 | acme 1 main st",
            "attributes are not text    | <p class='unsubscribe'>Sale</p>             | sale",
            "a comment is dropped       | <p>Sale</p><!-- Unsubscribe --><p>End</p>   | sale end",
            "two comments               | a<!-- x -->b<!-- y -->c                     | abc",
            "a comment left open        | <p>Sale</p><!-- <p>1 Main St</p>            | sale",
    })
    void readsWhatIsShown(String description, String body, String text) {
        assertThat(EmailBody.read(body).text()).as(description).isEqualTo(text);
    }
}
