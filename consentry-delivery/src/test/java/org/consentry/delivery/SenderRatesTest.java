package org.consentry.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.consentry.delivery.SenderRates.Kind;
import org.consentry.policy.Channel;
import org.junit.jupiter.api.Test;

/** The published rates by kind of sender, what kind a sender is, and an operator's overrides. */
class SenderRatesTest {

    private final SenderRates rates = SenderRates.load();

    @Test
    void theDefaultsAreThePublishedOnes() {
        assertThat(rates.perSecond(Kind.LONG_CODE)).isEqualTo(1);
        assertThat(rates.perSecond(Kind.TOLL_FREE)).isEqualTo(3);
        assertThat(rates.perSecond(Kind.SHORT_CODE)).isEqualTo(100);
        assertThat(rates.perSecond(Kind.ALPHANUMERIC)).isEqualTo(10);
        assertThat(rates.perSecond(Kind.EMAIL)).isZero();
    }

    @Test
    void aSenderIsKnownByItsForm() {
        assertThat(SenderRates.kindOf(Channel.SMS, "+18005550199")).isEqualTo(Kind.TOLL_FREE);
        assertThat(SenderRates.kindOf(Channel.SMS, "(888) 555-0100")).isEqualTo(Kind.TOLL_FREE);
        assertThat(SenderRates.kindOf(Channel.SMS, "+13055550100")).isEqualTo(Kind.LONG_CODE);
        assertThat(SenderRates.kindOf(Channel.SMS, "+448005550100")).as("not NANP").isEqualTo(Kind.LONG_CODE);
        assertThat(SenderRates.kindOf(Channel.SMS, "22395")).isEqualTo(Kind.SHORT_CODE);
        assertThat(SenderRates.kindOf(Channel.SMS, "ACME")).isEqualTo(Kind.ALPHANUMERIC);
        assertThat(SenderRates.kindOf(Channel.EMAIL, "news@acme.example")).isEqualTo(Kind.EMAIL);
    }

    @Test
    void anOperatorRaisesARateACarrierGranted() {
        SenderRates raised = rates.with("long_code=4, SHORT_CODE=400,email=0.5");
        assertThat(raised.perSecond(Kind.LONG_CODE)).isEqualTo(4);
        assertThat(raised.perSecond(Kind.SHORT_CODE)).isEqualTo(400);
        assertThat(raised.perSecond(Kind.EMAIL)).isEqualTo(0.5);
        assertThat(raised.perSecond(Kind.TOLL_FREE)).isEqualTo(3);
        assertThat(rates.with("")).isSameAs(rates);
    }

    @Test
    void anOverrideThatIsNotOneIsRefusedNamingIt() {
        assertThatThrownBy(() -> rates.with("long_code")).hasMessageContaining("'long_code'");
        assertThatThrownBy(() -> rates.with("fax=3")).hasMessageContaining("'fax=3'");
        assertThatThrownBy(() -> rates.with("long_code=-1")).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> rates.with("long_code=NaN")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 2_000)
    void anyOverrideTextIsReadOrRefusedClearly(@ForAll("overrides") String text) {
        try {
            SenderRates read = rates.with(text);
            for (Kind kind : Kind.values()) {
                assertThat(read.perSecond(kind)).isNotNegative().isFinite();
            }
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).contains("kind=messages_per_second");
        }
    }

    @Provide
    Arbitrary<String> overrides() {
        Arbitrary<String> item = Arbitraries.oneOf(
                Arbitraries.of("long_code", "toll_free", "short_code", "alphanumeric", "email", "fax", "").flatMap(kind ->
                        Arbitraries.oneOf(Arbitraries.doubles().between(-5, 1_000).map(rate -> kind + "=" + rate),
                                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6).map(rate -> kind + "=" + rate))),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20));
        return item.list().ofMinSize(1).ofMaxSize(4).map(items -> String.join(",", items));
    }
}
