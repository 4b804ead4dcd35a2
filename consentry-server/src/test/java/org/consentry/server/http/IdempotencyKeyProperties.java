package org.consentry.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** An Idempotency-Key is taken exactly when it is 1 to 255 printable ASCII characters; anything else is a 400 naming it. */
class IdempotencyKeyProperties {

    @Property(tries = 2000)
    void aKeyIsTakenExactlyWhenPrintableAsciiOfAtMost255(@ForAll("keys") String key) {
        boolean valid = !key.isEmpty() && key.length() <= 255 && key.chars().allMatch(c -> c >= '!' && c <= '~');
        if (valid) {
            Idempotency.checkKey(key);
        } else {
            assertThatThrownBy(() -> Idempotency.checkKey(key)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
                assertThat(problem.status()).isEqualTo(400);
                assertThat(problem.errors()).extracting(FieldError::field).containsExactly(Idempotency.HEADER);
            });
        }
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(300),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("ab\t\u00e9\u0000\u007f").ofMaxLength(8));
    }
}
