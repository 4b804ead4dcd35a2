package org.consentry.store.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.consentry.store.inbound.EmailUnsubscribes.Claim;

/**
 * Unsubscribe tokens cannot be forged: random text never verifies, a token signed under another key never
 * verifies, and no change to a genuine token makes it name another tenant, address or list.
 */
class EmailUnsubscribesProperties {

    private static final EmailUnsubscribes LINKS = new EmailUnsubscribes("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
            null, null, null);
    private static final EmailUnsubscribes OTHER_SERVER = new EmailUnsubscribes(
            "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII), null, null, null);

    @Property(tries = 3_000)
    void randomTextNeverVerifies(@ForAll String text) {
        assertThat(LINKS.verify(text)).isEmpty();
    }

    @Property(tries = 1_000)
    void aTokenRoundTripsItsClaim(@ForAll("claims") Claim claim) {
        assertThat(LINKS.verify(LINKS.token(claim))).contains(claim);
    }

    @Property(tries = 1_000)
    void anotherServersTokenNeverVerifies(@ForAll("claims") Claim claim) {
        assertThat(LINKS.verify(OTHER_SERVER.token(claim))).isEmpty();
    }

    @Property(tries = 3_000)
    void noChangeToATokenNamesAnotherClaim(@ForAll("claims") Claim claim, @ForAll("positions") int position, @ForAll char replacement) {
        String token = LINKS.token(claim);
        int at = position % token.length();
        String changed = token.substring(0, at) + replacement + token.substring(at + 1);
        Optional<Claim> verified = LINKS.verify(changed);
        assertThat(verified.isEmpty() || verified.get().equals(claim)).as(changed).isTrue();
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<Claim> claims() {
        Arbitrary<String> tenant = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30).map(s -> "ten_" + s);
        Arbitrary<String> local = Arbitraries.strings().alpha().numeric().withChars('.', '+', '-').ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> list = Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(s -> !s.contains("\n")).injectNull(0.3);
        return Combinators.combine(tenant, local, list).as((t, l, li) -> new Claim(t, l + "@example.com", li));
    }
}
